namespace AmlRbac.Catalog;

/// <summary>
/// A persona of the "Azure Machine Learning MLOps &amp; RBAC" slides [PERSONAS]: what it must be able to do
/// and what it must not, each statement mapped to catalog operations.
/// </summary>
public sealed record Persona
{
    /// <summary>Stable PascalCase name (DataScientist, DataScientistSuperUser, OfficeDataScientist, ITAdmin, WorkspaceAdmin, SubscriptionAdmin, MLOpsEngineer).</summary>
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public IReadOnlyList<PersonaStatement> Allowed { get; init; } = Array.Empty<PersonaStatement>();
    public IReadOnlyList<PersonaStatement> NotAllowed { get; init; } = Array.Empty<PersonaStatement>();
    public required string Source { get; init; }
    /// <summary>The name of the <see cref="RoleTemplate"/> (kind <see cref="TemplateKind.Persona"/>) built from this persona's lists.</summary>
    public string? Template { get; init; }
}

/// <summary>One line of a persona's list as the slide words it, and the operations it means.</summary>
public sealed record PersonaStatement
{
    public required string Text { get; init; }
    /// <summary>Operations (exact catalog names) the statement is about: all allowed, or all not allowed.</summary>
    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
    /// <summary>Why the statement maps to these operations (a source table row, a description).</summary>
    public string? Evidence { get; init; }
}
