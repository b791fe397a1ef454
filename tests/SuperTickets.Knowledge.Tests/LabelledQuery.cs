namespace SuperTickets.Knowledge.Tests;

internal sealed record LabelledQuery(string Query, string? Expected);
