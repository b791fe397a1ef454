using System.CommandLine;
using SuperTickets.Messaging.Kafka;

namespace SuperTickets.Cli.Commands;

/// <summary>
/// <c>supertickets dev-broker [--file data/dev-broker.txt] [--brokers 3]</c>: runs an in-memory Kafka-protocol
/// test broker (librdkafka's mock cluster) until Ctrl+C, for trying the distributed run on one machine.
/// </summary>
public static class DevBrokerCommand
{
    public static Command Create()
    {
        var file = new Option<string>("--file")
        {
            Description = "File that receives the bootstrap servers (removed again on exit)",
            DefaultValueFactory = _ => Path.Combine("data", "dev-broker.txt"),
        };
        var brokers = new Option<int>("--brokers") { Description = "Number of mock brokers", DefaultValueFactory = _ => 3 };
        var command = new Command("dev-broker", "Run an in-memory Kafka-protocol TEST broker for development (data is lost on exit; never for production).")
        {
            file,
            brokers,
        };
        command.SetAction(async (parse, ct) =>
        {
            var path = parse.GetValue(file)!;
            MockKafkaCluster cluster;
            try
            {
                cluster = MockKafkaCluster.Start(parse.GetValue(brokers));
            }
            catch (Exception ex) when (ex is KafkaNativeLibraryException or InvalidOperationException or ArgumentOutOfRangeException)
            {
                Console.Error.WriteLine($"Could not start the dev broker: {ex.Message}");
                return 1;
            }

            using (cluster)
            {
                var directory = Path.GetDirectoryName(Path.GetFullPath(path));
                if (directory is not null)
                {
                    Directory.CreateDirectory(directory);
                }
                await File.WriteAllTextAsync(path, cluster.BootstrapServers + Environment.NewLine, CancellationToken.None);
                WriteBanner(cluster, path);
                try
                {
                    await Task.Delay(Timeout.Infinite, ct);
                }
                catch (OperationCanceledException)
                {
                    Console.WriteLine("Stopping the dev broker; its topics and messages are gone.");
                }
                finally
                {
                    File.Delete(path);
                }
            }
            return 0;
        });
        return command;
    }

    private static void WriteBanner(MockKafkaCluster cluster, string path)
    {
        Console.WriteLine($"Dev broker running: {cluster.Brokers} in-memory Kafka-protocol broker(s) (librdkafka mock cluster).");
        Console.WriteLine($"Bootstrap servers: {cluster.BootstrapServers}");
        Console.WriteLine($"Written to {path}. Point the workers at it with Kafka__BootstrapServers={cluster.BootstrapServers}");
        Console.WriteLine("This is a TEST broker: everything is kept in memory and lost when it stops. Never use it in production.");
        Console.WriteLine("Topics are created on first use. Tail one with:");
        Console.WriteLine($"  kcat -b {cluster.BootstrapServers} -C -t supertickets.email.received.v1 -J");
        Console.WriteLine("Press Ctrl+C to stop.");
    }
}
