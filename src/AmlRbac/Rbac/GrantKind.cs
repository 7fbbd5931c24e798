namespace AmlRbac.Rbac;

/// <summary>How a role (or a permission block) grants one operation.</summary>
internal enum GrantKind : byte
{
    None = 0,
    /// <summary>Granted, but a permission-level condition restricts it.</summary>
    Conditional = 1,
    Unconditional = 2,
}
