using SuperTickets.Llm.Tests.Fakes;

namespace SuperTickets.Llm.Tests;

/// <summary>Changes process environment variables, so it runs alone.</summary>
[CollectionDefinition(nameof(EnvironmentCollection), DisableParallelization = true)]
public sealed class EnvironmentCollection;

[Collection(nameof(EnvironmentCollection))]
public sealed class BedrockCredentialChainTests
{
    [Fact]
    public async Task Without_registered_credentials_the_aws_credential_chain_reads_the_environment()
    {
        var saved = Save("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_EC2_METADATA_DISABLED", "AWS_PROFILE");
        try
        {
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            Environment.SetEnvironmentVariable("AWS_PROFILE", null);
            Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", "AKIDFROMENVIRONMENT");
            Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", "secret-from-environment");
            Environment.SetEnvironmentVariable("AWS_SESSION_TOKEN", null);
            await using var server = await FakeLlmServer.StartAsync();
            server.Then(200, BedrockWire.Converse(OpenAiWire.Answer("billing", "normal", "r")));
            await using var host = LlmTestHost.Build(LlmTestHost.Bedrock(server));

            var outcome = await host.Refiner.RefineAsync(Samples.Subject, Samples.Body, Samples.Unsure(), CancellationToken.None);

            Assert.True(outcome.Accepted);
            var request = Assert.Single(server.Requests);
            Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDFROMENVIRONMENT/", request.Header("Authorization"), StringComparison.Ordinal);
            Assert.True(SigV4Verifier.Verify(request, "AKIDFROMENVIRONMENT", "secret-from-environment", "bedrock").Valid);
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    private static List<(string Name, string? Value)> Save(params string[] names) =>
        names.Select(n => (n, Environment.GetEnvironmentVariable(n))).ToList();
}
