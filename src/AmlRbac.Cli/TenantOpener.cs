using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Cli;

/// <summary>
/// Opens the tenant a command answers from, chosen as every host chooses it (<see cref="TenantChoice"/>):
/// a snapshot, the sample tenant when --sample asks for it, or none for a role asked about alone.
/// </summary>
internal static class TenantOpener
{
    private const string HowToGiveSource = "give --snapshot FILE, --live, or --sample for the built-in sample tenant Contoso";

    public static AccessEvaluator Open(string? snapshot, bool sample, Subject subject)
    {
        // The path goes on as typed, relative to the current directory, so errors name what the user wrote.
        var choice = TenantChoice.Choose(snapshot is null ? null : new[] { snapshot }, piped: null, sample, !subject.IsRoleAlone, HowToGiveSource);
        return new AccessEvaluator(choice.Tenant);
    }

    /// <summary>The tenant of a question about all of its assignments (amlrbac unused): a snapshot, or the sample tenant when asked for.</summary>
    public static AccessEvaluator OpenWhole(string? snapshot, bool sample)
    {
        var choice = TenantChoice.Choose(snapshot is null ? null : new[] { snapshot }, piped: null, sample, needsTenant: true, "give --snapshot FILE, or --sample for the built-in sample tenant Contoso");
        return new AccessEvaluator(choice.Tenant);
    }
}
