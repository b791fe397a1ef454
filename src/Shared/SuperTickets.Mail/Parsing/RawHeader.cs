namespace SuperTickets.Mail.Parsing;

/// <summary>Offsets of one header field inside the message buffer; the value range may contain folding.</summary>
internal readonly record struct RawHeader(int NameStart, int NameLength, int ValueStart, int ValueEnd);
