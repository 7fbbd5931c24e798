using System.CommandLine;
using Policy = AmlRbac.Policy;

using AmlRbac.Model;
using AmlRbac.Policy;

namespace AmlRbac.Cli;

/// <summary>The options several commands share, made fresh for each command that takes them.</summary>
internal static class CommonOptions
{
    public const string Table = "table";
    public const string Json = "json";

    public static Option<string> Snapshot()
    {
        var option = new Option<string>("--snapshot")
        {
            Description = "A snapshot file to answer from (AmlRbac's snapshot, or exported Az JSON).",
            HelpName = "FILE",
        };
        // An empty path is no file at all; the snapshot reader is only asked about real paths.
        option.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValueOrDefault<string>()))
            {
                result.AddError("--snapshot needs a file path.");
            }
        });
        return option;
    }

    public static Option<string> Format()
    {
        var option = new Option<string>("--format")
        {
            Description = "table for people, json for tools.",
            DefaultValueFactory = _ => Table,
        };
        option.AcceptOnlyFromAmong(Table, Json);
        return option;
    }

    public static Option<string> Scope(string description) => new("--scope")
    {
        Description = description,
        HelpName = "SCOPE",
    };

    public static Option<string> Action(string description) => new("--action")
    {
        Description = description,
        HelpName = "OPERATION",
    };

    /// <summary>The resources beside the workspace an activity is checked on (repeatable): what --activity questions take.</summary>
    public static Option<string[]> RelatedResource() => new("--related-resource")
    {
        Description = "With an activity: the resource id of a resource it is checked on beside the workspace (virtual network or subnet, AKS cluster, key vault, user-assigned identity, ...), repeated for several; an operation checked on a kind of resource not given is Unknown.",
        HelpName = "RESOURCE-ID",
    };

    public static Option<bool> DataAction() => new("--data-action")
    {
        Description = "Take an --action the catalog does not list as a data action (a catalog operation keeps its own kind; of a name listed as both, the data action).",
    };

    /// <summary>Answer for every Azure ML workspace, registry and compute at or below --scope, keeping what reaches there.</summary>
    public static Option<bool> Recurse() => new("--recurse")
    {
        Description = "Answer for every Azure ML workspace, registry and compute at or below --scope that the source names, keeping the Allowed, Conditional and Eligible answers; each names its resource.",
    };

    public static Option<string> Principal() => new("--principal")
    {
        Description = "Object id, user principal name, app id or display name.",
        HelpName = "PRINCIPAL",
    };

    /// <summary>Decisions by name, comma-separated or repeated; a name that is no decision is a parse error.</summary>
    /// <summary>A list option: repeated, comma-separated, or both (--action a,b --action c).</summary>
    public static Option<string[]> List(string name, string description, string helpName) => new(name)
    {
        Description = description + " Comma-separated or repeated.",
        HelpName = helpName,
        CustomParser = result => Parts(result).ToArray(),
    };

    // The values of a list option's tokens, each token split at its commas.
    private static IEnumerable<string> Parts(System.CommandLine.Parsing.ArgumentResult result) =>
        result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public static Option<Outcome[]> Decisions() => new("--decision")
    {
        Description = $"Keep only answers with these decisions, comma-separated: {string.Join(", ", Enum.GetNames<Outcome>())}.",
        HelpName = "DECISIONS",
        CustomParser = result =>
        {
            var names = Enum.GetNames<Outcome>();
            var outcomes = new List<Outcome>();
            foreach (var part in Parts(result))
            {
                var name = names.FirstOrDefault(n => n.Equals(part, StringComparison.OrdinalIgnoreCase));
                if (name is null)
                {
                    result.AddError($"'{part}' is not a decision: use {string.Join(", ", names)}.");
                    return Array.Empty<Outcome>();
                }
                outcomes.Add(Enum.Parse<Outcome>(name));
            }
            return outcomes.ToArray();
        },
    };

    /// <summary>How exemptions on data-plane policy assignments are treated (Policy/ExemptionHandling).</summary>
    public static Option<string> ExemptionHandling()
    {
        var option = new Option<string>("--exemption-handling")
        {
            Description = "With --model: exemptions on v2.Data policy assignments are 'documented' (not honoured, as the Azure Policy docs say) or 'honour' (honoured, as the Azure ML doc implies).",
            DefaultValueFactory = _ => Documented,
        };
        option.AcceptOnlyFromAmong(Documented, Honour);
        return option;
    }

    public const string Documented = "documented";
    public const string Honour = "honour";

    public static Policy.ExemptionHandling ExemptionHandlingOf(string? value) =>
        value == Honour ? Policy.ExemptionHandling.Honour : Policy.ExemptionHandling.Documented;

    /// <summary>Adds a check that exactly one of two options is given.</summary>
    public static void RequireOneOf(Command command, Option first, Option second)
    {
        command.Validators.Add(result =>
        {
            var hasFirst = result.GetResult(first) is not null;
            var hasSecond = result.GetResult(second) is not null;
            if (hasFirst == hasSecond)
            {
                result.AddError(hasFirst
                    ? $"Give {first.Name} or {second.Name}, not both."
                    : $"Give {first.Name} or {second.Name}.");
            }
        });
    }
}
