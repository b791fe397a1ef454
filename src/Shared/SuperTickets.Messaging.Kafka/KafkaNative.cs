using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;

namespace SuperTickets.Messaging.Kafka;

/// <summary>
/// Loads the system's librdkafka for Confluent.Kafka. The package that would bundle it is not used, so the import
/// name "librdkafka" is mapped once to the versioned shared object installed by the operating system.
/// </summary>
public static class KafkaNative
{
    public const string InstallHint = "Install it with: apt-get install -y librdkafka1 (Debian/Ubuntu; librdkafka 2.0 or later).";

    private static readonly string[] Candidates = ["librdkafka.so.1", "librdkafka.so", "librdkafka.1.dylib", "librdkafka.dylib", "librdkafka.dll"];
    private static readonly Lock Gate = new();
    private static string? _version;

    /// <summary>The loaded librdkafka version, for start-up logs.</summary>
    public static string Version => EnsureLoaded();

    /// <summary>Maps and loads librdkafka; safe to call any number of times.</summary>
    /// <returns>The librdkafka version string.</returns>
    /// <exception cref="KafkaNativeLibraryException">librdkafka is not installed or cannot be loaded.</exception>
    public static string EnsureLoaded()
    {
        lock (Gate)
        {
            if (_version is not null)
            {
                return _version;
            }
            var handle = LoadSystemLibrary();
            NativeLibrary.SetDllImportResolver(typeof(Library).Assembly, (name, _, _) => Resolve(name, handle));
            try
            {
                _version = Library.VersionString;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException or TypeInitializationException)
            {
                throw new KafkaNativeLibraryException($"librdkafka was found but Confluent.Kafka could not use it ({ex.Message}). {InstallHint}", ex);
            }
            return _version;
        }
    }

    private static IntPtr Resolve(string name, IntPtr handle) =>
        name.StartsWith("librdkafka", StringComparison.Ordinal) ? handle : IntPtr.Zero;

    private static IntPtr LoadSystemLibrary()
    {
        foreach (var candidate in Candidates)
        {
            if (NativeLibrary.TryLoad(candidate, Assembly.GetExecutingAssembly(), DllImportSearchPath.SafeDirectories, out var handle)
                || NativeLibrary.TryLoad(candidate, out handle))
            {
                return handle;
            }
        }
        throw new KafkaNativeLibraryException(
            $"The native Kafka client library librdkafka is not installed or cannot be loaded (tried {string.Join(", ", Candidates)}). {InstallHint}");
    }
}
