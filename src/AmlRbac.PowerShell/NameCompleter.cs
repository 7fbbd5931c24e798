using System.Collections;
using System.Management.Automation;
using System.Management.Automation.Language;
using AmlRbac.Questions;

namespace AmlRbac.PowerShell;

/// <summary>
/// What every tab completer of the module shares: the engine's matching (<see cref="NameCompletion"/>), a name
/// quoted when PowerShell needs it, and a tooltip that is never empty. A derived completer names its list and says
/// what each name is.
/// </summary>
public abstract class NameCompleter : IArgumentCompleter
{
    /// <summary>The names to offer, in the order to offer them.</summary>
    protected abstract IEnumerable<string> Names();

    /// <summary>What a name is, for the tooltip; empty or null shows the name itself.</summary>
    protected abstract string? Describe(string name);

    public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
        CommandAst commandAst, IDictionary fakeBoundParameters) =>
        NameCompletion.Complete(wordToComplete, Names())
            .Select(name => new CompletionResult(Quoted(name), name, CompletionResultType.ParameterValue, Tooltip(name)));

    // PowerShell shows no tooltip for an empty string: fall back to the name.
    private string Tooltip(string name) => Describe(name) is { Length: > 0 } text ? text : name;

    // Many role names have spaces ("AzureML Data Scientist"): PowerShell needs them quoted.
    private static string Quoted(string name) =>
        name.Any(c => char.IsWhiteSpace(c) || c is '\'' or '$' or '`' or '(' or ')' or ';' or ',' or '&' or '|')
            ? "'" + name.Replace("'", "''", StringComparison.Ordinal) + "'"
            : name;
}
