using SuperTickets.Triage.Classification;

namespace SuperTickets.Triage.Tests.Classification;

public sealed class ModelFileTests
{
    private static readonly Lazy<byte[]> ModelBytes = new(() =>
    {
        var model = TextClassifierTrainer.Train(ClincSubset.Train, new TrainingOptions { MaxEpochs = 3 });
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    });

    [Fact]
    public void File_starts_with_magic_and_format_version()
    {
        var bytes = ModelBytes.Value;

        Assert.Equal("STTC"u8.ToArray(), bytes[..4]);
        Assert.Equal(1, BitConverter.ToInt32(bytes, 4));
    }

    [Fact]
    public void Flipped_byte_in_the_payload_fails_the_checksum()
    {
        var bytes = (byte[])ModelBytes.Value.Clone();
        bytes[bytes.Length / 2] ^= 0x40;

        var error = Assert.Throws<ModelFormatException>(() => Load(bytes));
        Assert.Contains("checksum", error.Message);
    }

    [Fact]
    public void Truncated_file_is_refused()
    {
        var bytes = ModelBytes.Value[..(ModelBytes.Value.Length - 10)];

        var error = Assert.Throws<ModelFormatException>(() => Load(bytes));
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    public void Other_format_version_is_refused_with_both_versions_named()
    {
        var bytes = (byte[])ModelBytes.Value.Clone();
        BitConverter.TryWriteBytes(bytes.AsSpan(4), 9);

        var error = Assert.Throws<ModelFormatException>(() => Load(bytes));
        Assert.Contains("version 9", error.Message);
        Assert.Contains("version 1", error.Message);
    }

    [Fact]
    public void Text_file_is_refused_as_not_a_model()
    {
        var error = Assert.Throws<ModelFormatException>(() => Load("text,label\nhello,greeting\n"u8.ToArray()));
        Assert.Contains("Not a SuperTickets classifier model", error.Message);
    }

    [Fact]
    public void Empty_file_is_refused_as_not_a_model()
    {
        Assert.Throws<ModelFormatException>(() => Load([]));
    }

    private static TextClassifier Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes);
        return TextClassifier.Load(stream);
    }
}
