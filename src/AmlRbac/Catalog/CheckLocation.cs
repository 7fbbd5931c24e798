using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>Where Azure checks one operation an activity needs, relative to the scope a question asks about.</summary>
public enum CheckPlace
{
    /// <summary>The workspace asked about (the scope asked, or the workspace above a child resource asked about).</summary>
    Workspace,
    /// <summary>The resource group of the scope asked (a deployment, a new workspace).</summary>
    ResourceGroup,
    /// <summary>The subscription of the scope asked (quota, resource provider registration).</summary>
    Subscription,
    /// <summary>Exactly the scope asked: a custom role assignable at that scope is written there.</summary>
    ScopeAsked,
    /// <summary>A resource of <see cref="CheckLocation.Resource"/>'s kind that the question names.</summary>
    RelatedResource,
}

/// <summary>
/// Where Azure checks an operation: a <see cref="CheckPlace"/>, and for a related resource its kind. Written in the
/// catalog's data as the place's name or the kind's name (activities.json "checkedAt").
/// </summary>
public sealed record CheckLocation(CheckPlace Place, RelatedResourceKind? Resource = null)
{
    public static CheckLocation Workspace { get; } = new(CheckPlace.Workspace);
    public static CheckLocation ResourceGroup { get; } = new(CheckPlace.ResourceGroup);
    public static CheckLocation Subscription { get; } = new(CheckPlace.Subscription);
    public static CheckLocation ScopeAsked { get; } = new(CheckPlace.ScopeAsked);

    /// <summary>A place's name or a related resource kind's name; null for neither.</summary>
    public static CheckLocation? Parse(string text) =>
        Enum.TryParse<CheckPlace>(text.Trim(), ignoreCase: true, out var place) && place != CheckPlace.RelatedResource
            ? new CheckLocation(place)
            : RelatedResourceKind.Find(text) is { } kind ? new CheckLocation(CheckPlace.RelatedResource, kind) : null;

    /// <summary>Where an activity's operations are checked when its data says nothing: its least scope's place.</summary>
    public static CheckLocation AtLeastScope(ScopeLevel level) => level switch
    {
        ScopeLevel.Subscription or ScopeLevel.ManagementGroup or ScopeLevel.Root => Subscription,
        ScopeLevel.ResourceGroup => ResourceGroup,
        _ => Workspace,
    };

    /// <summary>The name the data and the catalog listing use: the place's, or the kind's.</summary>
    public string Name => Resource?.Name ?? Place.ToString();

    /// <summary>In the user's words: "the workspace", "the subscription", "a virtual network".</summary>
    public string Text => Place switch
    {
        CheckPlace.Workspace => "the workspace",
        CheckPlace.ResourceGroup => "the resource group",
        CheckPlace.Subscription => "the subscription",
        CheckPlace.ScopeAsked => "the scope asked",
        _ => $"the {Resource!.DisplayName}",
    };

    /// <summary>
    /// The scope this location stands for when a question asks about <paramref name="asked"/>: the ancestor at the
    /// place's level, or the scope asked when it is already at or above that level (a grant there covers every
    /// workspace below, [OV] "Scope"). Null for a related resource, which the question names.
    /// </summary>
    public Scope? ScopeFor(Scope asked) => Place switch
    {
        CheckPlace.Subscription => AncestorAt(asked, ScopeLevel.Subscription),
        CheckPlace.ResourceGroup => AncestorAt(asked, ScopeLevel.ResourceGroup),
        CheckPlace.Workspace => TopResource(asked),
        CheckPlace.ScopeAsked => asked,
        _ => null,
    };

    private static Scope AncestorAt(Scope scope, ScopeLevel level)
    {
        var current = scope;
        while (current.Level > level && current.Parent is { } parent)
        {
            current = parent;
        }
        return current;
    }

    // The workspace above a child resource asked about (a compute of the workspace): the resource whose parent is
    // not a resource.
    private static Scope TopResource(Scope scope)
    {
        var current = scope;
        while (current.Level == ScopeLevel.Resource && current.Parent is { Level: ScopeLevel.Resource } parent)
        {
            current = parent;
        }
        return current;
    }

    public override string ToString() => Name;
}
