using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SuperTickets.Triage.Classification;

/// <summary>
/// Model file layout: magic "STTC", int32 format version, int64 payload length, payload, SHA-256 of the
/// payload. The payload holds metadata, the feature table and the weights, little-endian.
/// </summary>
internal static class ModelSerializer
{
    public const int FormatVersion = 1;
    private static readonly byte[] Magic = "STTC"u8.ToArray();
    private const long MaxPayload = 1L << 31;

    public static void Write(TextClassifier classifier, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var payload = new MemoryStream();
        using (var writer = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            ModelPayload.WriteMetadata(writer, classifier.Metadata);
            var space = classifier.Space;
            writer.Write(space.RowCount);
            writer.Write(MemoryMarshal.AsBytes(space.RowBuckets.AsSpan()));
            writer.Write(MemoryMarshal.AsBytes(space.Idf.AsSpan()));
            writer.Write(space.UnknownIdf);
            writer.Write(classifier.Model.Weights.Length);
            writer.Write(MemoryMarshal.AsBytes(classifier.Model.Weights.AsSpan()));
        }
        var bytes = payload.GetBuffer().AsSpan(0, (int)payload.Length);
        Span<byte> header = stackalloc byte[16];
        Magic.CopyTo(header);
        BitConverter.TryWriteBytes(header[4..], FormatVersion);
        BitConverter.TryWriteBytes(header[8..], (long)bytes.Length);
        stream.Write(header);
        stream.Write(bytes);
        stream.Write(SHA256.HashData(bytes));
    }

    public static TextClassifier Read(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var header = new byte[16];
        var got = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        if (got < 4 || !header.AsSpan(0, 4).SequenceEqual(Magic))
            throw new ModelFormatException("Not a SuperTickets classifier model: the file does not start with the expected magic bytes.");
        if (got < header.Length)
            throw new ModelFormatException("Model file is truncated: the header is incomplete.");
        var version = BitConverter.ToInt32(header, 4);
        if (version != FormatVersion)
            throw new ModelFormatException($"Model format version {version} is not supported; this build reads version {FormatVersion}. Retrain or convert the model.");
        var length = BitConverter.ToInt64(header, 8);
        if (length is <= 0 or > MaxPayload)
            throw new ModelFormatException($"Model file is corrupt: payload length {length} is out of range.");

        var payload = new byte[length];
        var checksum = new byte[32];
        if (stream.ReadAtLeast(payload, payload.Length, throwOnEndOfStream: false) < payload.Length
            || stream.ReadAtLeast(checksum, checksum.Length, throwOnEndOfStream: false) < checksum.Length)
            throw new ModelFormatException("Model file is truncated: it ends before the payload and checksum.");
        if (!SHA256.HashData(payload).AsSpan().SequenceEqual(checksum))
            throw new ModelFormatException("Model file is corrupt: the SHA-256 checksum does not match its contents.");

        try
        {
            return ReadPayload(payload);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or IOException or InvalidDataException)
        {
            throw new ModelFormatException($"Model file is inconsistent: {e.Message}", e);
        }
    }

    private static TextClassifier ReadPayload(byte[] payload)
    {
        using var reader = new BinaryReader(new MemoryStream(payload), Encoding.UTF8);
        var metadata = ModelPayload.ReadMetadata(reader);
        var rows = reader.ReadInt32();
        if (rows < 0 || rows != metadata.FeatureRows)
            throw new InvalidDataException($"feature row count {rows} does not match the metadata ({metadata.FeatureRows}).");
        var buckets = ReadArray<int>(reader, rows);
        var limit = 1 << metadata.Features.HashBits;
        for (var i = 0; i < buckets.Length; i++)
            if (buckets[i] < 0 || buckets[i] >= limit || (i > 0 && buckets[i] <= buckets[i - 1]))
                throw new InvalidDataException("feature buckets are not strictly ascending within the hash range.");
        var idf = ReadArray<float>(reader, rows);
        var unknownIdf = reader.ReadSingle();
        var weightCount = reader.ReadInt32();
        var classes = metadata.Labels.Count;
        if (weightCount != (long)(rows + 1) * classes)
            throw new InvalidDataException($"weight count {weightCount} does not match {rows} features and {classes} labels.");
        var weights = ReadArray<float>(reader, weightCount);
        if (reader.BaseStream.Position != payload.Length)
            throw new InvalidDataException("unexpected bytes after the weights.");
        var space = new FeatureSpace(metadata.Features, buckets, idf, unknownIdf);
        return new TextClassifier(space, new LinearModel(rows, classes, weights), metadata);
    }

    private static T[] ReadArray<T>(BinaryReader reader, int count) where T : unmanaged
    {
        var result = new T[count];
        var bytes = MemoryMarshal.AsBytes(result.AsSpan());
        if (reader.Read(bytes) != bytes.Length) throw new EndOfStreamException("payload ends inside an array.");
        return result;
    }
}
