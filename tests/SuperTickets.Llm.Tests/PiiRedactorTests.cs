using FsCheck;
using FsCheck.Fluent;
using SuperTickets.Llm.Privacy;

namespace SuperTickets.Llm.Tests;

public sealed class PiiRedactorTests
{
    [Theory]
    [InlineData("write to jane.doe+support@mail.example.co.uk today", "write to [email] today")]
    [InlineData("call +44 20 7946 0958 please", "call [phone] please")]
    [InlineData("call (555) 123-4567 please", "call [phone] please")]
    [InlineData("call 555.123.4567 please", "call [phone] please")]
    [InlineData("mobile 0171 2345678", "mobile [phone]")]
    [InlineData("card 4111 1111 1111 1111 expired", "card [card] expired")]
    [InlineData("card 4111-1111-1111-1111 expired", "card [card] expired")]
    [InlineData("card 378282246310005 expired", "card [card] expired")]
    [InlineData("iban DE89 3704 0044 0532 0130 00 thanks", "iban [iban] thanks")]
    [InlineData("iban GB82WEST12345698765432 thanks", "iban [iban] thanks")]
    public void Personal_data_is_replaced_by_placeholders(string text, string expected) =>
        Assert.Equal(expected, PiiRedactor.Redact(text));

    [Theory]
    [InlineData("Order 48213 shipped on 2026-03-14.")]
    [InlineData("Invoice INV-2024-0042 of 19.99 EUR")]
    [InlineData("Version 10.2.1 crashes at 10:30, error code 0x80070005")]
    [InlineData("We have 1 000 000 users and ticket ST-12345")]
    [InlineData("My password reset link from 14/03/2026 does not work")]
    public void Ordinary_numbers_dates_and_references_are_kept(string text) =>
        Assert.Equal(text, PiiRedactor.Redact(text));

    [Fact]
    public void Redaction_never_leaves_an_email_address_and_is_idempotent()
    {
        var local = Gen.Elements("a", "jane.doe", "x_y", "first+tag", "o'neil9");
        var domain = Gen.Elements("example.com", "mail.example.co.uk", "x.io", "b-c.org");
        var filler = Gen.Elements("Hello", "call me", "order 123", "", "see 2026-01-02", "+1 202 555 0143", "thanks!");
        var texts = from before in filler
                    from user in local
                    from host in domain
                    from after in filler
                    select $"{before} {user}@{host} {after}";

        Prop.ForAll(texts.ToArbitrary(), text =>
        {
            var redacted = PiiRedactor.Redact(text);
            return !redacted.Contains('@') && redacted.Contains(PiiRedactor.Email) && PiiRedactor.Redact(redacted) == redacted;
        }).QuickCheckThrowOnFailure();
    }
}
