namespace AmlRbac.Model;

/// <summary>
/// Normal forms for ids that Azure writes in several ways. Principal ids are GUIDs that appear with
/// and without dashes (the deny all-principals id is documented as 00000000-0000-0000-0000-000000000000
/// and appears in the wild as 32 zeros); role definition ids appear bare or as
/// "{scope}/providers/Microsoft.Authorization/roleDefinitions/{guid}", with or without a subscription before
/// "/providers" ([SPEC-RA] examples, [RAL] output), so they are matched on the trailing GUID.
/// </summary>
public static class ObjectIds
{
    /// <summary>The deny-assignment id meaning "all principals" ([DA] deny-assignments.md).</summary>
    public const string AllPrincipals = "00000000-0000-0000-0000-000000000000";

    /// <summary>A principal's object id in lower-case "D" form when it is a GUID; otherwise trimmed, lower-case.</summary>
    public static string NormalizePrincipal(string id)
    {
        var text = id.Trim();
        return Guid.TryParse(text, out var guid) ? guid.ToString("D") : text.ToLowerInvariant();
    }

    /// <summary>The GUID of a role definition, from a bare GUID or any ".../roleDefinitions/{guid}" form.</summary>
    public static string NormalizeRoleDefinition(string id)
    {
        var text = id.Trim().TrimEnd('/');
        var slash = text.LastIndexOf('/');
        var last = slash >= 0 ? text[(slash + 1)..] : text;
        return Guid.TryParse(last, out var guid) ? guid.ToString("D") : last.ToLowerInvariant();
    }

    /// <summary>True for a GUID (with or without dashes).</summary>
    public static bool IsGuid(string text) => Guid.TryParse(text.Trim(), out _);
}
