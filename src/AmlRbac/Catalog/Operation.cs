namespace AmlRbac.Catalog;

/// <summary>
/// A resource provider operation (an action or a data action) as Azure lists it in
/// "Azure resource provider operations" (ai-machine-learning.md, management-and-governance.md).
/// </summary>
public sealed record Operation(string Name, bool IsDataAction, string Description)
{
    /// <summary>The resource provider namespace ("Microsoft.MachineLearningServices").</summary>
    public string Provider => Name.Split('/')[0];
}
