using System.Collections.ObjectModel;
using System.Reflection;

namespace AmlRbac.Tests.PowerShell;

/// <summary>How a parameter takes part in one parameter set.</summary>
[Flags]
internal enum Binding
{
    Optional = 0,
    Mandatory = 1,
    Pipeline = 2,
    ByPropertyName = 4,
}

/// <summary>
/// A cmdlet parameter as its attributes declare it, in one line that reads like a row of the
/// parameter table ("Scope System.String [ResourceId, Id] PrincipalAction=Mandatory, ByPropertyName; ...")
/// so a failing comparison shows the difference.
/// </summary>
internal sealed record CmdletParameter(string Name, string Type, IReadOnlyList<string> Aliases, IReadOnlyDictionary<string, Binding> Sets)
{
    public const string AllSets = "__AllParameterSets";

    public override string ToString() =>
        $"{Name} {Type} [{string.Join(", ", Aliases)}] " +
        string.Join("; ", Sets.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}={s.Value}"));

    /// <summary>Every property of the cmdlet (its own and inherited) that carries [Parameter].</summary>
    public static IReadOnlyList<CmdletParameter> Of(Type cmdlet) =>
        cmdlet.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => ModuleFiles.Attributes(p, "ParameterAttribute").Any())
            .Select(Read)
            .OrderBy(p => p.Name, StringComparer.Ordinal)
            .ToList();

    private static CmdletParameter Read(PropertyInfo property)
    {
        var sets = new Dictionary<string, Binding>();
        foreach (var attribute in ModuleFiles.Attributes(property, "ParameterAttribute"))
        {
            var binding = (ModuleFiles.Named<bool>(attribute, "Mandatory") ? Binding.Mandatory : Binding.Optional)
                | (ModuleFiles.Named<bool>(attribute, "ValueFromPipeline") ? Binding.Pipeline : Binding.Optional)
                | (ModuleFiles.Named<bool>(attribute, "ValueFromPipelineByPropertyName") ? Binding.ByPropertyName : Binding.Optional);
            sets.Add(ModuleFiles.Named<string>(attribute, "ParameterSetName") ?? AllSets, binding);
        }
        var aliases = ModuleFiles.Attributes(property, "AliasAttribute")
            .SelectMany(a => (ReadOnlyCollection<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!)
            .Select(a => (string)a.Value!)
            .ToList();
        return new CmdletParameter(property.Name, property.PropertyType.FullName!, aliases, sets);
    }

    /// <summary>The row for a parameter the tests expect.</summary>
    public static CmdletParameter Expect(string name, string type, string[] aliases, params (string Set, Binding Binding)[] sets) =>
        new(name, type, aliases, sets.ToDictionary(s => s.Set, s => s.Binding));
}
