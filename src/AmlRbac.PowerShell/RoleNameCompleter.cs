using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AmlRbac.Catalog;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell;

/// <summary>Tab completion of -RoleName with the built-in role names; the tooltip is the role's description.</summary>
public sealed class RoleNameCompleter : IArgumentCompleter
{
    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(wordToComplete, AmlCatalog.Default.BuiltInRoles.Select(r => r.Name))
            .Select(name => AmlCatalog.Default.FindRole(name)!)
            .Select(r => new CompletionResult(Quoted(r.Name), r.Name, CompletionResultType.ParameterValue, r.Description ?? r.Name));

    // Most role names have spaces ("AzureML Data Scientist"): PowerShell needs them quoted.
    private static string Quoted(string name) =>
        name.Any(c => char.IsWhiteSpace(c) || c is '\'' or '$' or '`' or '(' or ')' or ';' or ',' or '&' or '|')
            ? "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'"
            : name;
}
