using System.CommandLine;
using SuperTickets.Cli.Commands;

var root = new RootCommand("SuperTickets: an email-driven support desk.")
{
    RunCommand.Create(),
    MigrateCommand.Create(),
    BenchCommand.Create(),
    ParseCommand.Create(),
    ModelCommand.Create(),
    DevBrokerCommand.Create(),
    ApiKeyCommand.Create(),
    KbCommand.Create(),
    DlqCommand.Create(),
    SeedCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
