using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>Which Azure ML API generation an activity's operations belong to ([MLROLES], "Differences between actions for V1 and V2 APIs").</summary>
public enum ApiGeneration
{
    /// <summary>The activity is the same for V1 and V2.</summary>
    Any,
    V1,
    V2,
}

/// <summary>
/// Something a person does in Azure ML ("create a compute cluster", "submit a V2 job"), with the
/// operations it requires and the least scope at which they can be granted. From the "Common
/// scenarios" table of "Manage access to Azure Machine Learning workspaces" [MLROLES].
/// An activity is allowed only when every one of its required actions is allowed.
/// </summary>
public sealed record Activity
{
    /// <summary>Stable PascalCase name users type and tab-complete (e.g. CreateCompute, SubmitRunV2).</summary>
    public required string Name { get; init; }
    public required string DisplayName { get; init; }
    public string? Description { get; init; }
    /// <summary>Required control-plane actions; entries may be wildcards as the source table writes them.</summary>
    public IReadOnlyList<string> Actions { get; init; } = Array.Empty<string>();
    /// <summary>Required data actions (none of the Azure ML table's rows has one today).</summary>
    public IReadOnlyList<string> DataActions { get; init; } = Array.Empty<string>();
    /// <summary>The least scope at which the permissions can be granted.</summary>
    public ScopeLevel LeastScope { get; init; } = ScopeLevel.Resource;
    public ApiGeneration Api { get; init; } = ApiGeneration.Any;
    public required string Source { get; init; }
    public string? Notes { get; init; }
}
