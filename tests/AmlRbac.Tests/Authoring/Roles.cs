using AmlRbac.Model;

namespace AmlRbac.Tests.Authoring;

/// <summary>Small role definitions for the authoring tests.</summary>
internal static class Roles
{
    public const string Subscription = "/subscriptions/099041be-6a92-430e-9f47-32340e216c45";
    public const string Ml = "Microsoft.MachineLearningServices/workspaces/";

    public static RoleDefinition Of(
        string[]? actions = null, string[]? notActions = null, string[]? dataActions = null, string[]? notDataActions = null,
        string[]? scopes = null, string name = "Test Role") => new()
    {
        Id = "5d2bdb57-6c1e-4c0d-9b4a-6f0d7f7f2a11",
        Name = name,
        IsCustom = true,
        Permissions = new[]
        {
            new Permission
            {
                Actions = actions ?? Array.Empty<string>(),
                NotActions = notActions ?? Array.Empty<string>(),
                DataActions = dataActions ?? Array.Empty<string>(),
                NotDataActions = notDataActions ?? Array.Empty<string>(),
            },
        },
        AssignableScopes = scopes ?? new[] { Subscription },
    };
}
