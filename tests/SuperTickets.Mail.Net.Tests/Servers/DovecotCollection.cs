namespace SuperTickets.Mail.Net.Tests.Servers;

[CollectionDefinition(Name)]
public sealed class DovecotCollection : ICollectionFixture<DovecotFixture>
{
    public const string Name = "dovecot";
}
