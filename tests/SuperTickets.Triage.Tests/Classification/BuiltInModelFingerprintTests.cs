using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

/// <summary>
/// The built-in models are trained at start-up; every host must train the same ones, or the same email would triage
/// differently on a developer's machine, in CI and in production. These fingerprints were recorded on a host with
/// AVX2 and checked there with <c>DOTNET_EnableAVX2=0</c> (128-bit vectors); they cover the weights, the epoch kept,
/// the fitted temperature and the unsure threshold.
/// </summary>
public sealed class BuiltInModelFingerprintTests
{
    private const string CategoryFingerprint = "b7249f899c543f9c244051d475b97067b68eb98cbd5f345541c6b178f960f621";
    private const string IntentFingerprint = "6badc3e25fec6e42371ed22b267daa5e7bf740093847ddbc6fcfc21447f2c3eb";

    [Theory]
    [InlineData("category", CategoryFingerprint)]
    [InlineData("intent", IntentFingerprint)]
    public void The_built_in_models_train_to_the_same_bits_on_every_host(string labelColumn, string expected)
    {
        var classifier = TextClassifierTrainer.Train(DefaultSupportModel.TrainingSet(labelColumn), DefaultSupportModel.Options);

        Assert.Equal(expected, Fingerprint(classifier));
    }

    internal static string Fingerprint(TextClassifier classifier)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(MemoryMarshal.AsBytes(classifier.Model.Weights.AsSpan()));
        sha.AppendData(BitConverter.GetBytes(classifier.Metadata.Epochs));
        sha.AppendData(BitConverter.GetBytes(classifier.Metadata.Temperature));
        sha.AppendData(BitConverter.GetBytes(classifier.Metadata.UnsureThreshold));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }
}
