using AmlRbac.Model;

namespace AmlRbac.Catalog;

/// <summary>
/// The one scope at which Azure checks an operation: <see cref="ScopeLevel.Subscription"/> or
/// <see cref="ScopeLevel.Root"/> (the tenant). <see cref="Rule"/> says why, with its public source.
/// </summary>
public sealed record ScopeRestriction(ScopeLevel Level, string Rule);
