using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// One permission block: ARM's <c>permissions[i]</c>, Az's PSPermission, or the flat Actions / NotActions /
/// DataActions / NotDataActions / Condition of a pre-10.0 PSRoleDefinition or a PSDenyAssignment
/// ([AZPS-AUTH]). The live data carries condition and conditionVersion inside permissions[] although
/// the 2022-04-01 swagger's Permission does not [SPEC-RD], so they are read when present.
/// </summary>
internal static class PermissionShape
{
    public static Permission Read(SourceItem block) => new()
    {
        Actions = block.Strings("actions"),
        NotActions = block.Strings("notActions"),
        DataActions = block.Strings("dataActions"),
        NotDataActions = block.Strings("notDataActions"),
        Condition = block.String("condition"),
        ConditionVersion = block.String("conditionVersion"),
    };

    /// <summary>
    /// The blocks of a role or deny assignment: its <c>permissions</c> list when it has one (ARM, Azure
    /// CLI, Az.Resources 10.0+), otherwise one block from its flat fields (older Az, PSDenyAssignment).
    /// Permissions is probed first, as Az.Resources 10.0 writes it, then the flat properties [AZPS-PERMISSIONS].
    /// </summary>
    public static IReadOnlyList<Permission> ReadAll(SourceItem body) =>
        body.Has("permissions") ? body.Items("permissions").Select(Read).ToList() : new[] { Read(body) };
}
