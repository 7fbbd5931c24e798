using AmlRbac.Model;

namespace AmlRbac.Policy;

/// <summary>One assignment's verdict on a deployment, and why.</summary>
public sealed record AssignmentVerdict
{
    public required PolicyAssignment Assignment { get; init; }

    /// <summary>For an initiative assignment, the member this verdict is about; null for a single definition.</summary>
    public string? PolicyDefinitionReferenceId { get; init; }

    /// <summary>The definition evaluated; null when it could not be found.</summary>
    public PolicyDefinition? Definition { get; init; }

    public required Verdict Verdict { get; init; }

    /// <summary>The effect after parameters are resolved ("Deny", "Audit", "Disabled" ...); null when it cannot be resolved.</summary>
    public string? Effect { get; init; }

    /// <summary>The clause of the rule that decided, when the rule was evaluated.</summary>
    public RuleClause? Clause { get; init; }

    public required string Explanation { get; init; }

    /// <summary>The exemption that made the verdict Exempt, or that was set aside under <see cref="ExemptionHandling.Documented"/>.</summary>
    public PolicyExemption? Exemption { get; init; }

    /// <summary>Assumptions and inferences the verdict rests on.</summary>
    public IReadOnlyList<string> Notes { get; init; } = Array.Empty<string>();
}
