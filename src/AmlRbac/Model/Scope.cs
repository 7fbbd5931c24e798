using System.Diagnostics.CodeAnalysis;

namespace AmlRbac.Model;

/// <summary>
/// An Azure RBAC scope: "/", a management group, a subscription, a resource group, a resource or a
/// child resource. Comparison is case-insensitive, as ARM resource ids are; a scope covers another only
/// at a segment boundary, so ".../resourceGroups/rg1" does not cover ".../resourceGroups/rg10".
/// Scopes are structured parent-child and access granted at a parent is inherited by children
/// ([OV] overview.md "Scope"). The management-group parent of a subscription is not part of the id;
/// the evaluator adds it from the tenant's hierarchy.
/// </summary>
public sealed class Scope : IEquatable<Scope>
{
    private const string ManagementGroupPrefix = "/providers/Microsoft.Management/managementGroups/";

    private Scope(string value, ScopeLevel level, string? managementGroupId, string? subscriptionId, string? resourceGroupName)
    {
        Value = value;
        Level = level;
        ManagementGroupId = managementGroupId;
        SubscriptionId = subscriptionId;
        ResourceGroupName = resourceGroupName;
    }

    public static Scope Root { get; } = new("/", ScopeLevel.Root, null, null, null);

    /// <summary>The scope as given (original casing), without a trailing slash.</summary>
    public string Value { get; }
    public ScopeLevel Level { get; }
    public string? ManagementGroupId { get; }
    public string? SubscriptionId { get; }
    public string? ResourceGroupName { get; }

    public static Scope ForManagementGroup(string id) => Parse(ManagementGroupPrefix + id);
    public static Scope ForSubscription(string id) => Parse("/subscriptions/" + id);

    /// <summary>Parses a scope or throws <see cref="AmlRbacException"/> with <see cref="ErrorIds.ScopeInvalid"/>.</summary>
    public static Scope Parse(string? text)
    {
        if (TryParse(text, out var scope, out var error))
        {
            return scope;
        }
        throw new AmlRbacException(ErrorIds.ScopeInvalid, FailureCategory.InvalidArgument,
            $"Scope '{text}' is not valid: {error}", text);
    }

    public static bool TryParse(string? text, [NotNullWhen(true)] out Scope? scope, [NotNullWhen(false)] out string? error)
    {
        scope = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "it is empty.";
            return false;
        }
        var value = text.Trim();
        if (value == "/")
        {
            scope = Root;
            error = null;
            return true;
        }
        if (!value.StartsWith('/'))
        {
            error = "a scope starts with '/' (for example /subscriptions/{id}/resourceGroups/{name}).";
            return false;
        }
        value = value.TrimEnd('/');
        var segments = value[1..].Split('/');
        if (segments.Any(s => s.Length == 0))
        {
            error = "it has an empty segment ('//').";
            return false;
        }
        if (segments.Any(s => s.Contains('*')))
        {
            error = "a scope cannot contain wildcards.";
            return false;
        }
        if (segments.Any(s => s.Contains('<') || s.Contains('>') || s.Contains('{') || s.Contains('}')))
        {
            error = "it still holds a placeholder such as <subscriptionId>; replace it with a real value.";
            return false;
        }

        if (Is(segments[0], "providers"))
        {
            if (segments.Length == 4 && Is(segments[1], "Microsoft.Management") && Is(segments[2], "managementGroups"))
            {
                scope = new Scope(value, ScopeLevel.ManagementGroup, segments[3], null, null);
                error = null;
                return true;
            }
            error = "a tenant-level scope must be /providers/Microsoft.Management/managementGroups/{id}.";
            return false;
        }
        if (!Is(segments[0], "subscriptions"))
        {
            error = "a scope starts with /subscriptions/, /providers/Microsoft.Management/managementGroups/ or is '/'.";
            return false;
        }
        if (segments.Length < 2 || !Guid.TryParse(segments[1], out _))
        {
            error = $"the subscription id '{(segments.Length > 1 ? segments[1] : "")}' is not a GUID.";
            return false;
        }
        var subscription = segments[1];
        if (segments.Length == 2)
        {
            scope = new Scope(value, ScopeLevel.Subscription, null, subscription, null);
            error = null;
            return true;
        }

        var index = 2;
        string? resourceGroup = null;
        if (Is(segments[2], "resourceGroups"))
        {
            if (segments.Length < 4)
            {
                error = "the resource group name is missing after /resourceGroups/.";
                return false;
            }
            resourceGroup = segments[3];
            if (segments.Length == 4)
            {
                scope = new Scope(value, ScopeLevel.ResourceGroup, null, subscription, resourceGroup);
                error = null;
                return true;
            }
            index = 4;
        }
        if (!TryValidateResourcePath(segments, index, out error))
        {
            return false;
        }
        scope = new Scope(value, ScopeLevel.Resource, null, subscription, resourceGroup);
        return true;
    }

    // A resource path is "providers/{namespace}/{type}/{name}" followed by further "{type}/{name}" pairs
    // (child resources) and possibly another "providers/{namespace}/{type}/{name}" (extension resources).
    private static bool TryValidateResourcePath(string[] segments, int index, [NotNullWhen(false)] out string? error)
    {
        if (!Is(segments[index], "providers"))
        {
            error = $"expected 'providers' after the {(index == 2 ? "subscription" : "resource group")}, found '{segments[index]}'.";
            return false;
        }
        while (index < segments.Length)
        {
            if (Is(segments[index], "providers"))
            {
                if (segments.Length - index < 4)
                {
                    error = "a resource id is /providers/{namespace}/{type}/{name}[/{childType}/{childName}...].";
                    return false;
                }
                index += 2;
                continue;
            }
            if (segments.Length - index < 2)
            {
                error = $"the resource type '{segments[index]}' has no name after it.";
                return false;
            }
            index += 2;
        }
        error = null;
        return true;
    }

    private static bool Is(string segment, string expected) => string.Equals(segment, expected, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The structural parent: a child resource's parent resource, a resource's resource group (or
    /// subscription), a resource group's subscription, and "/" for a subscription or management group
    /// (their management-group parents come from the tenant's hierarchy, not from the id).
    /// </summary>
    public Scope? Parent
    {
        get
        {
            switch (Level)
            {
                case ScopeLevel.Root:
                    return null;
                case ScopeLevel.ManagementGroup:
                case ScopeLevel.Subscription:
                    return Root;
                case ScopeLevel.ResourceGroup:
                    return ForSubscription(SubscriptionId!);
                default:
                    var segments = Value[1..].Split('/');
                    var keep = segments.Length - 2;
                    // ".../{ns-resource}/providers/{namespace}" is not a scope: step over "providers/{namespace}".
                    if (keep >= 2 && Is(segments[keep - 2], "providers"))
                    {
                        keep -= 2;
                    }
                    return Parse("/" + string.Join('/', segments, 0, keep));
            }
        }
    }

    /// <summary>True when this scope is <paramref name="other"/> or one of its id ancestors.</summary>
    public bool IsAtOrAbove(Scope other) => IsAtOrAbove(Value, other.Value);

    /// <summary>String form of <see cref="IsAtOrAbove(Scope)"/>: prefix at a segment boundary, case-insensitive.</summary>
    public static bool IsAtOrAbove(string ancestor, string scope)
    {
        if (ancestor == "/")
        {
            return true;
        }
        return scope.StartsWith(ancestor, StringComparison.OrdinalIgnoreCase)
            && (scope.Length == ancestor.Length || scope[ancestor.Length] == '/');
    }

    public bool Equals(Scope? other) => other is not null && string.Equals(Value, other.Value, StringComparison.OrdinalIgnoreCase);
    public override bool Equals(object? obj) => obj is Scope other && Equals(other);
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Value);
    public override string ToString() => Value;
}
