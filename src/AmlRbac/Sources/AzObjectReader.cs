
using AmlRbac.Model;

namespace AmlRbac.Sources;

/// <summary>
/// Reads one object piped from the Az cmdlets (PSRoleAssignment, PSRoleDefinition in both its pre-10.0
/// and its Permissions shape, PSDenyAssignment; [AZPS-AUTH], [AZPS-PERMISSIONS]), given as its property bag. Which it is
/// follows from the properties present; the fields are read by the same shape readers as exported JSON.
/// </summary>
public static class AzObjectReader
{
    /// <summary>
    /// A <see cref="RoleAssignment"/>, <see cref="RoleDefinition"/> or <see cref="DenyAssignment"/>, or
    /// <see cref="AmlRbacException"/> (<c>InputObjectInvalid</c>) naming
    /// <paramref name="itemDescription"/> and what is missing or wrong.
    /// </summary>
    public static object Read(IReadOnlyDictionary<string, object?> properties, string itemDescription)
    {
        var item = new SourceItem(properties, InputOrigin.PipedObject(itemDescription), string.Empty);
        return AuthorizationItem.Read(item, AuthorizationItem.Detect(item));
    }
}
