namespace AmlRbac.WorkspaceIdentity;

/// <summary>What happened to one workspace. The names are a contract: scripts filter on them.</summary>
public enum ConversionStatus
{
    /// <summary>The identity now holds the asked role (and, with RemoveLegacyContributor, no longer Contributor).</summary>
    Converted,
    /// <summary>Nothing needed doing: the identity already held the asked role; nothing was written.</summary>
    AlreadyConverted,
    /// <summary>-WhatIf: the plan and its access diff; nothing was written.</summary>
    Planned,
    /// <summary>The user answered No to the confirmation: the plan and its access diff, Reason "not confirmed"; nothing was written.</summary>
    Skipped,
    /// <summary>-NoWait: the change was sent but Azure's grant was not waited for (nor, so, the Contributor removal).</summary>
    Pending,
    /// <summary>Not converted; <see cref="WorkspaceConversion.ErrorId"/> and <see cref="WorkspaceConversion.Reason"/> say why.</summary>
    Failed,
}
