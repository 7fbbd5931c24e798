using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>Where a template comes from.</summary>
public enum TemplateKind
{
    /// <summary>An example custom role of [MLROLES] ("Example custom roles").</summary>
    ExampleRole,
    /// <summary>A persona of the "Azure Machine Learning MLOps &amp; RBAC" slides [PERSONAS] (allowed / not-allowed lists) turned into a role.</summary>
    Persona,
}

/// <summary>
/// A custom role users start from. The published JSON has defects; <see cref="Corrections"/> records
/// each change made to it and why, so nothing is silently altered.
/// </summary>
public sealed record RoleTemplate
{
    /// <summary>Stable PascalCase name (e.g. DataScientist, MLOps, WorkspaceAdmin).</summary>
    public required string Name { get; init; }
    public required TemplateKind Kind { get; init; }
    /// <summary>The role, with AssignableScopes left empty for the caller to fill.</summary>
    public required RoleDefinition Role { get; init; }
    public IReadOnlyList<TemplateCorrection> Corrections { get; init; } = Array.Empty<TemplateCorrection>();
    public required string Source { get; init; }
    /// <summary>What to know before using the role: its limits, and the choices made where the source is vague.</summary>
    public string? Notes { get; init; }
}

/// <summary>One change made to a published example: the entry, what was done, and the evidence.</summary>
public sealed record TemplateCorrection(string Entry, string Change, string Reason);
