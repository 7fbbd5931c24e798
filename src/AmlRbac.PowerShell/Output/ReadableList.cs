namespace AmlRbac.PowerShell.Output;

/// <summary>
/// A list property of the cmdlets' output. Export-Csv and ConvertTo-Csv write each property with its .NET
/// ToString, which for List&lt;T&gt; is its type name ("System.Collections.Generic.List`1[System.String]"); this
/// list writes its items instead, "a; b; c", each with its own ToString. It is a List&lt;T&gt;, so PowerShell
/// enumerates it, ConvertTo-Json writes it as an array and a role's $role.Actions.Add(...) works as in Az.
/// </summary>
public sealed class ReadableList<T> : List<T>
{
    /// <summary>Between two items of <see cref="ToString"/>: a comma is taken by "Action, Action" text within an item.</summary>
    public const string Separator = "; ";

    public ReadableList()
    {
    }

    public ReadableList(IEnumerable<T> items)
        : base(items)
    {
    }

    public override string ToString() => string.Join(Separator, this);
}

/// <summary>Builds <see cref="ReadableList{T}"/> from a sequence, converting each item.</summary>
public static class ReadableList
{
    public static ReadableList<T> Of<T>(IEnumerable<T> items) => new(items);

    public static ReadableList<TOut> Of<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, TOut> convert) => new(items.Select(convert));
}
