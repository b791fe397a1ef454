namespace SuperTickets.Mail.Net.Tests.Servers;

[CollectionDefinition(Name)]
public sealed class PostfixCollection : ICollectionFixture<PostfixFixture>
{
    public const string Name = "postfix";
}
