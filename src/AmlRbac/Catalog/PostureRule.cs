namespace AmlRbac.Catalog;

/// <summary>
/// One posture rule of Catalog/Data/posture-rules.json: a security recommendation for an Azure ML workspace, its
/// public source, who can change the setting (<see cref="ChangeAction"/>) and the built-in Azure Policy definition
/// that enforces it, where one exists. The ids are a contract: scripts filter on them.
/// </summary>
public sealed record PostureRule
{
    /// <summary>AMLP001, AMLP002 ...</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required PostureTarget Target { get; init; }
    public required PostureSeverity Severity { get; init; }
    public required string Recommendation { get; init; }

    /// <summary>The learn.microsoft.com page that recommends it.</summary>
    public required string Source { get; init; }

    /// <summary>The operation whose holders can change the setting (at the workspace, or at the private endpoint).</summary>
    public required string ChangeAction { get; init; }

    public string? PolicyDefinitionId { get; init; }
    public string? PolicyDefinitionName { get; init; }
}

/// <summary>What a posture rule reads.</summary>
public enum PostureTarget
{
    /// <summary>The workspace's own settings, identity, connections or diagnostic settings.</summary>
    Workspace,
    /// <summary>Each compute instance and cluster of the workspace.</summary>
    Compute,
    /// <summary>Each private endpoint of the workspace (through its connections).</summary>
    PrivateEndpoint,
}

/// <summary>How much a failed rule matters; a failed Error makes the posture question fail (exit code 1).</summary>
public enum PostureSeverity
{
    Error,
    Warning,
    Information,
}
