using AmlRbac.Catalog;

namespace AmlRbac.Posture;

/// <summary>
/// One rule's result for one workspace: the result, the evidence (each property path read and its value, or
/// "absent"), and where the setting is changed (<see cref="ChangeScopes"/>: the workspace, its resource group for
/// the identity's role, its private endpoints for DNS), so a question can ask who holds <see cref="PostureRule.ChangeAction"/> there.
/// </summary>
public sealed record PostureFinding
{
    public required PostureRule Rule { get; init; }
    public required PostureResult Result { get; init; }
    public required string Evidence { get; init; }
    public required IReadOnlyList<string> ChangeScopes { get; init; }
}
