using System.Text;
using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Mail.Net.Smtp;

namespace SuperTickets.Mail.Net.Tests.Smtp;

public sealed class SmtpDataEncoderTests
{
    private static string Encode(string text) => Encoding.UTF8.GetString(SmtpDataEncoder.Encode(Encoding.UTF8.GetBytes(text)));

    [Theory]
    [InlineData("a\r\nb\r\n", "a\r\nb\r\n.\r\n")]
    [InlineData("a\nb", "a\r\nb\r\n.\r\n")]
    [InlineData("a\rb\r\n", "a\r\nb\r\n.\r\n")]
    [InlineData(".x\r\n..y\r\n.\r\n", "..x\r\n...y\r\n..\r\n.\r\n")]
    [InlineData("", "\r\n.\r\n")]
    [InlineData("a.b\r\n", "a.b\r\n.\r\n")]
    [InlineData("\n\0", "\r\n\0\r\n.\r\n")]
    public void Data_is_crlf_normalized_dot_stuffed_and_terminated(string input, string expected)
    {
        Assert.Equal(expected, Encode(input));
    }

    [Fact]
    public void Unstuffing_the_encoded_data_gives_back_the_normalized_message()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<byte[]>(), message =>
        {
            var encoded = SmtpDataEncoder.Encode(message);
            var lines = Encoding.Latin1.GetString(encoded).Split("\r\n");
            var terminated = lines[^1] == string.Empty && lines[^2] == ".";
            var body = lines[..^2];
            var unstuffed = string.Join("\r\n", body.Select(l => l.StartsWith('.') ? l[1..] : l));
            var normalized = Encoding.Latin1.GetString(message).Replace("\r\n", "\n").Replace('\r', '\n').Replace("\n", "\r\n");
            var expected = normalized.Length == 0 || normalized.EndsWith("\r\n", StringComparison.Ordinal) ? normalized : normalized + "\r\n";
            return terminated && body.All(l => l != ".") && unstuffed + "\r\n" == expected + (expected.Length == 0 ? "\r\n" : string.Empty);
        }).QuickCheckThrowOnFailure();
    }
}
