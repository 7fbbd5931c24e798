using System.Collections;

namespace AmlRbac.PowerShell.Output;

/// <summary>
/// Policy parameter values by name, the Hashtable New-AzPolicyAssignment -PolicyParameterObject binds, whose
/// ToString (what Export-Csv writes) reads "name=value; name=a, b" instead of "System.Collections.Hashtable".
/// Names are case-insensitive, as ARM's parameter names are.
/// </summary>
public sealed class ParameterTable : Hashtable
{
    public ParameterTable()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    public override string ToString() => string.Join(ReadableList<string>.Separator, Keys.Cast<string>()
        .Order(StringComparer.OrdinalIgnoreCase)
        .Select(name => $"{name}={(this[name] is IEnumerable items and not string ? string.Join(", ", items.Cast<object?>()) : this[name])}"));
}
