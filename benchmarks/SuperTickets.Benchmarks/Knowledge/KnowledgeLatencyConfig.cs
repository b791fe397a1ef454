using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace SuperTickets.Benchmarks.Knowledge;

/// <summary>Adds median, 95th percentile and maximum columns to the default summary.</summary>
public sealed class KnowledgeLatencyConfig : ManualConfig
{
    public KnowledgeLatencyConfig()
    {
        AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
    }
}
