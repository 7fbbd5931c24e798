
namespace AmlRbac.Model;

/// <summary>
/// Which Azure Machine Learning workspace: its ARM id, /subscriptions/{sub}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name}
/// (REST API Workspaces - Get, https://learn.microsoft.com/rest/api/azureml/workspaces/get), and the resource group its identity's role is on.
/// </summary>
public sealed record WorkspaceId
{
    private const string Provider = "Microsoft.MachineLearningServices";
    private const string Type = "workspaces";

    private WorkspaceId(string subscriptionId, string resourceGroupName, string name)
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
    public static WorkspaceId Parse(string? resourceId) =>
        Read(resourceId, out var problem) ?? throw Invalid(resourceId, problem!);

    /// <summary>The workspace <paramref name="scope"/> is, or null when it is any other scope.</summary>
    public static WorkspaceId? Of(Scope scope) => Read(scope.Value, out _);

    // The one rule for "is this a workspace id": a workspace is a top-level resource of a resource group,
    // /subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}
    // (REST API Workspaces - Get, https://learn.microsoft.com/rest/api/azureml/workspaces/get).
    private static WorkspaceId? Read(string? resourceId, out string? problem)
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
            problem = $"'{resourceId}' is not an Azure Machine Learning workspace id: expected /subscriptions/{{id}}/resourceGroups/{{name}}/providers/{Provider}/{Type}/{{name}}.";
            return null;
        }
        return Checked(segments[2], segments[4], segments[8], out problem);
    }

    /// <summary>A workspace from its subscription, resource group and name, each checked; WorkspaceIdInvalid naming what is wrong.</summary>
    public static WorkspaceId From(string? subscriptionId, string? resourceGroupName, string? name) =>
        Checked(subscriptionId, resourceGroupName, name, out var problem) ?? throw Invalid(subscriptionId, problem!);

    private static WorkspaceId? Checked(string? subscriptionId, string? resourceGroupName, string? name, out string? problem)
    {
        var subscription = subscriptionId?.Trim() ?? string.Empty;
        problem = !Guid.TryParse(subscription, out var guid) ? $"Subscription id '{subscriptionId}' is not a GUID."
            : Segment(resourceGroupName, "Resource group name") ?? Segment(name, "Workspace name");
        return problem is null ? new WorkspaceId(guid.ToString("D"), resourceGroupName!.Trim(), name!.Trim()) : null;
    }

    public override string ToString() => Id;

    // The problem with a name segment, or null when it is one: ARM ids are split on '/', and '?' '#' end the path.
    private static string? Segment(string? value, string what) =>
        string.IsNullOrWhiteSpace(value) || value.Trim().IndexOfAny(new[] { '/', '?', '#' }) >= 0
            ? $"{what} '{value}' is empty or holds '/', '?' or '#'."
            : null;

    private static AmlRbacException Invalid(string? input, string message) =>
        new(ErrorIds.WorkspaceIdInvalid, FailureCategory.InvalidArgument, message, input);
}
