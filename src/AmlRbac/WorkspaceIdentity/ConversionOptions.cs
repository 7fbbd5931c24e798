using AmlRbac.Model;

namespace AmlRbac.WorkspaceIdentity;

/// <summary>What the conversion does to each workspace, and how long it waits for Azure.</summary>
public sealed record ConversionOptions
{
    public WorkspaceRole Role { get; init; } = WorkspaceRole.AzureAIAdministrator;

    /// <summary>Delete the identity's Contributor assignment on the resource group once Azure AI Administrator is confirmed (never before).</summary>
    public bool RemoveLegacyContributor { get; init; }

    /// <summary>Send the change and do not wait for Azure to grant the role (status Pending).</summary>
    public bool NoWait { get; init; }

    /// <summary>
    /// How long to poll the identity's assignments for the grant. Azure makes the assignment itself after
    /// the PATCH, in the background, so it can lag the PATCH's answer.
    /// </summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>The pause between two reads of the identity's assignments while waiting.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits between polls; tests replace it to advance <see cref="Clock"/> instead of sleeping.</summary>
    public Func<TimeSpan, CancellationToken, Task> Delay { get; init; } = Task.Delay;

    /// <summary>The clock the <see cref="Timeout"/> is measured on.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>
    /// Checks the combination; the hosts call it before the first workspace. The messages name the choices,
    /// not a host's spelling of them (-RemoveLegacyContributor, --remove-legacy-contributor), since both
    /// hosts print them as they are; the error's target is the PowerShell parameter, for the ErrorRecord.
    /// </summary>
    public void Validate()
    {
        if (RemoveLegacyContributor && Role == WorkspaceRole.Contributor)
        {
            throw new Model.AmlRbacException(Model.ErrorIds.WorkspaceOptionsInvalid, Model.FailureCategory.InvalidArgument,
                "Removing the legacy Contributor assignment goes with the Azure AI Administrator role: a rollback to Contributor removes nothing.", "RemoveLegacyContributor");
        }
        if (Timeout < TimeSpan.Zero || Timeout > TimeSpan.FromHours(1))
        {
            throw new Model.AmlRbacException(Model.ErrorIds.WorkspaceOptionsInvalid, Model.FailureCategory.InvalidArgument,
                $"The wait for the grant, {Timeout.TotalSeconds:0} seconds, is outside 0 to 3600 seconds.", "TimeoutSeconds");
        }
    }
}
