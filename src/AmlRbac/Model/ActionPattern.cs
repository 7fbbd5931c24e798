namespace AmlRbac.Model;

/// <summary>
/// One entry of Actions / NotActions / DataActions / NotDataActions, compiled for matching operations.
///
/// The rule, written down once here:
/// 1. Comparison is case-insensitive. [CR] custom-roles.md: "Permission strings are case-insensitive";
///    built-in data depends on it (Contributor's NotActions say "Microsoft.Authorization/*/Write").
/// 2. '*' matches any run of characters, '/' included, so it can cover one or more whole segments.
///    [CR]: "Microsoft.CostManagement/exports/*" covers "exports/run/action"; [RD] role-definitions.md:
///    "*/read" grants read on every resource type of every provider.
/// 3. A '*' that is a whole middle segment ("X/*/Y") also covers zero segments, so it matches "X/Y".
///    No page states this; the documented outcomes require it. AzureML Data Scientist's NotActions
///    "workspaces/computes/*/write" and "/*/delete" must remove "workspaces/computes/write" and
///    "/delete" because the role "cannot create or delete compute" ([MLROLES], Default roles), and its
///    NotActions "workspaces/write" would be pointless unless "workspaces/*/write" covered it.
///    Managed Identity Operator's "userAssignedIdentities/*/assign/action" only does what the role
///    says ("Read and Assign") if it matches "userAssignedIdentities/assign/action".
///    The stricter segment-for-segment matcher of microsoft/regorus PR #577 contradicts rule 2, so it
///    (https://github.com/microsoft/regorus/pull/577) is not followed. Tests: ActionPatternTests and the
///    documented statements in SeedStatementTests.
/// A pattern with more than one '*' or a '*' inside a segment ("list*") matches by the same rule but is
/// marked <see cref="IsApproximate"/>: Azure rejects the first in custom roles ([CR] "Custom role
/// limits"; https://github.com/MicrosoftDocs/azure-docs/issues/74428) and no source describes the second.
/// </summary>
public sealed class ActionPattern
{
    private readonly string[] _literals;       // the text between stars; _literals.Length == star count + 1
    private readonly bool[] _starMayVanish;    // per star: a whole middle segment, which may cover zero segments

    public ActionPattern(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        Text = text.Trim();
        _literals = Text.Split('*');
        StarCount = _literals.Length - 1;
        _starMayVanish = new bool[StarCount];
        var approximate = StarCount > 1;
        for (var i = 0; i < StarCount; i++)
        {
            var before = _literals[i];
            var after = _literals[i + 1];
            var startsSegment = before.Length == 0 || before[^1] == '/';
            var endsSegment = after.Length == 0 || after[0] == '/';
            approximate |= !(startsSegment && endsSegment);
            _starMayVanish[i] = before.Length > 0 && before[^1] == '/' && after.Length > 0 && after[0] == '/';
        }
        IsApproximate = approximate;
    }

    /// <summary>The entry as written in the role.</summary>
    public string Text { get; }

    public int StarCount { get; }

    /// <summary>True when the pattern has no wildcard.</summary>
    public bool IsLiteral => StarCount == 0;

    /// <summary>More than one '*', or a '*' that is not a whole segment: matched, but not a documented form.</summary>
    public bool IsApproximate { get; }

    /// <summary>
    /// The text before the first '*' (all of it for a literal pattern): every operation the pattern matches starts with
    /// it, case-insensitively (rule 3's vanishing star comes after it), so a sorted list of operations holds them in one run.
    /// </summary>
    public string Prefix => _literals[0];

    /// <summary>
    /// The one resource provider whose operations the pattern can match (the text before its first '/'), or null
    /// when a '*' in that first segment lets it match operations of any provider (rule 2: "*/read", "*").
    /// </summary>
    public string? Provider
    {
        get
        {
            var slash = Text.IndexOf('/');
            var provider = slash < 0 ? Text : Text[..slash];
            return provider.Contains('*') ? null : provider;
        }
    }

    /// <summary>True when this pattern covers <paramref name="operation"/>.</summary>
    public bool Matches(ReadOnlySpan<char> operation)
    {
        if (StarCount == 0)
        {
            return operation.Equals(Text, StringComparison.OrdinalIgnoreCase);
        }
        var first = _literals[0];
        if (!operation.StartsWith(first, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        return MatchFrom(0, operation[first.Length..]);
    }

    public bool Matches(string operation) => Matches(operation.AsSpan());

    // Matches the rest of the operation against star number `star` and everything after it.
    private bool MatchFrom(int star, ReadOnlySpan<char> rest)
    {
        var after = _literals[star + 1];
        var isLast = star + 1 == StarCount;

        // Rule 3: "X/*/Y" may match "X/Y": the star and the '/' after it cover nothing.
        if (_starMayVanish[star] && MatchLiteralThenRest(star, after.AsSpan(1), rest, isLast))
        {
            return true;
        }

        // Rule 2: the star covers rest[0..k] for some k >= 0.
        if (isLast)
        {
            return rest.EndsWith(after, StringComparison.OrdinalIgnoreCase);
        }
        for (var k = 0; k + after.Length <= rest.Length; k++)
        {
            if (MatchLiteralThenRest(star, after, rest[k..], isLast: false))
            {
                return true;
            }
        }
        return false;
    }

    private bool MatchLiteralThenRest(int star, ReadOnlySpan<char> literal, ReadOnlySpan<char> rest, bool isLast)
    {
        if (isLast)
        {
            return rest.Equals(literal, StringComparison.OrdinalIgnoreCase);
        }
        return rest.StartsWith(literal, StringComparison.OrdinalIgnoreCase) && MatchFrom(star + 1, rest[literal.Length..]);
    }

    public override string ToString() => Text;
}
