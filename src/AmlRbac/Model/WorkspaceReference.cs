
namespace AmlRbac.Model;

/// <summary>
/// Which workspace: its ARM id, /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name}
/// (workspaceRP.json, notes.md (d) "AML workspace"), and the resource group its identity's role is on.
/// </summary>
public sealed record WorkspaceReference
{
    private const string Provider = "Microsoft.MachineLearningServices";
    private const string Type = "workspaces";

    private WorkspaceReference(string subscriptionId, string resourceGroupName, string name)
    {
        SubscriptionId = subscriptionId;
        ResourceGroupName = resourceGroupName;
        Name = name;
    }

    public string SubscriptionId { get; }
    public string ResourceGroupName { get; }
    public string Name { get; }

    /// <summary>The workspace's resource id.</summary>
    public string Id => $"{ResourceGroup}/providers/{Provider}/{Type}/{Name}";

    /// <summary>The resource group scope, where the identity's Contributor or Azure AI Administrator assignment is.</summary>
    public string ResourceGroup => $"/subscriptions/{SubscriptionId}/resourceGroups/{ResourceGroupName}";

    /// <summary>
    /// A workspace id as Get-AzResource (ResourceId) and Get-AzMLWorkspace (Id) give it, or
    /// WorkspaceIdInvalid naming what is wrong.
    /// </summary>
    public static WorkspaceReference Parse(string? resourceId)
    {
        var text = resourceId?.Trim().TrimEnd('/') ?? string.Empty;
        var segments = text.Split('/');
        // "", "subscriptions", sub, "resourceGroups", rg, "providers", provider, "workspaces", name
        if (segments.Length != 9 || segments[0].Length != 0
            || !segments[1].Equals("subscriptions", StringComparison.OrdinalIgnoreCase)
            || !segments[3].Equals("resourceGroups", StringComparison.OrdinalIgnoreCase)
            || !segments[5].Equals("providers", StringComparison.OrdinalIgnoreCase)
            || !segments[6].Equals(Provider, StringComparison.OrdinalIgnoreCase)
            || !segments[7].Equals(Type, StringComparison.OrdinalIgnoreCase))
        {
            throw Invalid(resourceId,
                $"'{resourceId}' is not an Azure Machine Learning workspace id: expected /subscriptions/{{id}}/resourceGroups/{{name}}/providers/{Provider}/{Type}/{{name}}.");
        }
        return From(segments[2], segments[4], segments[8]);
    }

    /// <summary>A workspace from its subscription, resource group and name, each checked.</summary>
    public static WorkspaceReference From(string? subscriptionId, string? resourceGroupName, string? name)
    {
        var subscription = subscriptionId?.Trim() ?? string.Empty;
        if (!Guid.TryParse(subscription, out var guid))
        {
            throw Invalid(subscriptionId, $"Subscription id '{subscriptionId}' is not a GUID.");
        }
        var group = Segment(resourceGroupName, "Resource group name");
        var workspace = Segment(name, "Workspace name");
        return new WorkspaceReference(guid.ToString("D"), group, workspace);
    }

    public override string ToString() => Id;

    private static string Segment(string? value, string what)
    {
        var text = value?.Trim() ?? string.Empty;
        if (text.Length == 0 || text.IndexOfAny(new[] { '/', '?', '#' }) >= 0)
        {
            throw Invalid(value, $"{what} '{value}' is empty or holds '/', '?' or '#'.");
        }
        return text;
    }

    private static AmlRbacException Invalid(string? input, string message) =>
        new(ErrorIds.WorkspaceIdInvalid, FailureCategory.InvalidArgument, message, input);
}
