namespace SuperTickets.Mail.Parsing;

internal static class HexDigits
{
    public static int Value(int c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'F' => c - 'A' + 10,
        >= 'a' and <= 'f' => c - 'a' + 10,
        _ => -1,
    };

    public static bool TryPair(int high, int low, out byte value)
    {
        var h = Value(high);
        var l = Value(low);
        value = (byte)((h << 4) | l);
        return h >= 0 && l >= 0;
    }
}
