namespace AmlRbac.Authoring;

/// <summary>How much a finding matters. Error: Azure refuses the role, or it does not do what it says.</summary>
public enum FindingSeverity
{
    Information,
    Warning,
    Error,
}

/// <summary>
/// One thing <see cref="RoleLinter"/> found in a role: the rule (a stable id scripts match on, and its
/// name), how much it matters, the list and entry at fault, and what to do.
/// </summary>
public sealed record RoleFinding
{
    /// <summary>The rule's stable id, such as AMLR001; see <see cref="LintRules"/>.</summary>
    public required string Id { get; init; }
    /// <summary>The rule's name, such as UnknownAction.</summary>
    public required string Rule { get; init; }
    public required FindingSeverity Severity { get; init; }
    /// <summary>Where the entry is: Actions, NotActions, DataActions, NotDataActions, AssignableScopes, or null for the role as a whole.</summary>
    public string? List { get; init; }
    /// <summary>The offending entry as written (an operation pattern, a scope), or null.</summary>
    public string? Entry { get; init; }
    public required string Message { get; init; }
    /// <summary>For a JSON syntax error, the 1-based line and column.</summary>
    public int? Line { get; init; }
    public int? Column { get; init; }

    /// <summary>The finding fails the role's check (New-AmlCustomRole warns, amlrbac role new and role lint exit 1).</summary>
    public bool IsError => Severity == FindingSeverity.Error;

    /// <summary>Whether any finding fails the role's check (<see cref="IsError"/>).</summary>
    public static bool AnyError(IEnumerable<RoleFinding> findings) => findings.Any(f => f.IsError);

    public override string ToString() =>
        $"{Severity} {Id} {Rule}{(Line is null ? string.Empty : $" (line {Line}, column {Column})")}: {Message}";
}
