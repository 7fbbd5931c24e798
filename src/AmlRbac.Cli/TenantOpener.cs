using AmlRbac.Model;
using AmlRbac.Questions;
using AmlRbac.Rbac;

namespace AmlRbac.Cli;

/// <summary>
/// Opens the tenant a command answers from, chosen as every host chooses it (<see cref="TenantChoice"/>),
/// and says on stderr when that is the sample tenant, so an answer is never taken for one about the
/// user's own tenant; stdout stays clean for JSON.
/// </summary>
internal static class TenantOpener
{
    private const string HowToGiveSource = "pass --snapshot FILE to answer from your own tenant";

    public static AccessEvaluator Open(string? snapshot, Terminal terminal)
    {
        // The path goes on as typed, relative to the current directory, so errors name what the user wrote.
        var choice = TenantChoice.Choose(snapshot is null ? null : new[] { snapshot }, piped: null);
        if (choice.SampleWarning(HowToGiveSource) is { } warning)
        {
            terminal.Error.WriteLine("note: " + warning);
        }
        return new AccessEvaluator(choice.Tenant);
    }
}
