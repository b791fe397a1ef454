namespace SuperTickets.Sla;

/// <summary>An immutable set of SLA policies and the rule that picks one for a ticket.</summary>
public sealed class SlaPolicySet
{
    private readonly Dictionary<string, SlaPolicy> _byId = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates the set; ids must be unique and every policy valid.</summary>
    public SlaPolicySet(IEnumerable<SlaPolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(policies);
        Policies = policies.ToArray();
        foreach (var policy in Policies)
        {
            Validate(policy);
            if (!_byId.TryAdd(policy.Id, policy))
            {
                throw new ArgumentException($"SLA policy id '{policy.Id}' appears more than once.", nameof(policies));
            }
        }
    }

    /// <summary>
    /// Low 24 h / 7 days, normal 8 h / 48 h, high 2 h / 24 h, urgent 30 min / 8 h; at risk at 80 %;
    /// elapsed (24x7) time.
    /// </summary>
    public static SlaPolicySet Defaults { get; } = new(
    [
        Default(SlaPriority.Low, TimeSpan.FromHours(24), TimeSpan.FromDays(7)),
        Default(SlaPriority.Normal, TimeSpan.FromHours(8), TimeSpan.FromHours(48)),
        Default(SlaPriority.High, TimeSpan.FromHours(2), TimeSpan.FromHours(24)),
        Default(SlaPriority.Urgent, TimeSpan.FromMinutes(30), TimeSpan.FromHours(8)),
    ]);

    /// <summary>The policies in configuration order.</summary>
    public IReadOnlyList<SlaPolicy> Policies { get; }

    /// <summary>The policy with this id (enabled or not), or null.</summary>
    public SlaPolicy? Find(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// The most specific enabled policy for a ticket: the priority must match; a policy's category or tier, when
    /// set, must match too. A policy naming both category and tier beats one naming only the tier, which beats one
    /// naming only the category, which beats a priority-only policy. Equal specificity: first in order wins.
    /// Returns null when nothing matches.
    /// </summary>
    public SlaPolicy? Resolve(string priority, string? category = null, string? customerTier = null)
    {
        ArgumentNullException.ThrowIfNull(priority);
        SlaPolicy? best = null;
        var bestScore = -1;
        foreach (var policy in Policies)
        {
            if (!policy.Enabled
                || !Same(policy.Priority, priority)
                || (policy.Category is not null && !Same(policy.Category, category))
                || (policy.CustomerTier is not null && !Same(policy.CustomerTier, customerTier)))
            {
                continue;
            }

            var score = (policy.CustomerTier is null ? 0 : 2) + (policy.Category is null ? 0 : 1);
            if (score > bestScore)
            {
                best = policy;
                bestScore = score;
            }
        }

        return best;
    }

    private static bool Same(string expected, string? actual) =>
        string.Equals(expected, actual?.Trim(), StringComparison.OrdinalIgnoreCase);

    private static SlaPolicy Default(string priority, TimeSpan firstResponse, TimeSpan resolution) => new()
    {
        Id = $"default-{priority}",
        Name = $"Default {priority}",
        Priority = priority,
        FirstResponse = firstResponse,
        Resolution = resolution,
    };

    private static void Validate(SlaPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (string.IsNullOrWhiteSpace(policy.Id) || string.IsNullOrWhiteSpace(policy.Priority))
        {
            throw new ArgumentException("Every SLA policy needs an id and a priority.", nameof(policy));
        }

        if (policy.FirstResponse < TimeSpan.Zero || policy.Resolution < TimeSpan.Zero)
        {
            throw new ArgumentException($"SLA policy '{policy.Id}' has a negative target.", nameof(policy));
        }

        if (!(policy.WarningFraction > 0 && policy.WarningFraction <= 1))
        {
            throw new ArgumentException($"SLA policy '{policy.Id}' needs a warning fraction in (0, 1].", nameof(policy));
        }
    }
}
