using AmlRbac.Model;

namespace AmlRbac.Authoring;

/// <summary>A role read from JSON text: the role, or the syntax error that stopped the reading.</summary>
public sealed record RoleDocument(RoleDefinition? Role, RoleFinding? SyntaxError)
{
    /// <summary>The role, or RoleDefinitionInvalid with the syntax error's line and column: there is no role to build on.</summary>
    public RoleDefinition Required(string source) =>
        Role ?? throw new AmlRbacException(ErrorIds.RoleDefinitionInvalid, FailureCategory.InvalidData, SyntaxError!.Message, source);
}
