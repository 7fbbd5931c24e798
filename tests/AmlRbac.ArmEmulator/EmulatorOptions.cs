namespace AmlRbac.ArmEmulator;

/// <summary>How the emulator serves: the tokens it accepts, its page size, its port, its workspaces.</summary>
public sealed record EmulatorOptions
{
    /// <summary>The bearer token ARM requests must carry (anything else is 401).</summary>
    public string ArmToken { get; init; } = "emulator-arm-token";

    /// <summary>The bearer token Microsoft Graph requests (under /v1.0/) must carry.</summary>
    public string GraphToken { get; init; } = "emulator-graph-token";

    /// <summary>Items per page of every list; a longer list gets a nextLink (ARM) or @odata.nextLink (Graph).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The port on 127.0.0.1; 0 picks a free one (read it from <see cref="ArmEmulator.BaseUrl"/>).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The Azure ML workspaces served. Null takes the tenant's workspaces section, then derives the others from
    /// the tenant: every workspace scope that an assignment or deny assignment names, with the identity of the service principal of the same name
    /// (a workspace's system-assigned identity is named after it).
    /// </summary>
    public IReadOnlyList<EmulatedWorkspace>? Workspaces { get; init; }

    /// <summary>The value of x-ms-ratelimit-remaining-subscription-reads on ARM answers (ARM's hourly budget, 12000 minus this one).</summary>
    public long RemainingReads { get; init; } = 11999;
}

/// <summary>A workspace the emulator serves.</summary>
public sealed record EmulatedWorkspace
{
    /// <summary>/subscriptions/{id}/resourceGroups/{rg}/providers/Microsoft.MachineLearningServices/workspaces/{name}.</summary>
    public required string Id { get; init; }
    public string Location { get; init; } = "westeurope";

    /// <summary>The system-assigned identity's object id; null for no identity.</summary>
    public string? PrincipalId { get; init; }

    /// <summary>properties.allowRoleAssignmentOnRG; null when the workspace does not say.</summary>
    public bool? AllowRoleAssignmentOnRG { get; init; }
}
