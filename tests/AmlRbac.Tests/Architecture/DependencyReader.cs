using System.Collections.ObjectModel;
using System.Reflection;
using System.Reflection.Emit;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;

namespace AmlRbac.Tests.Architecture;

/// <summary>
/// Reads what the types of a compiled assembly use, from its metadata and its IL, so that what the compiler makes
/// of the source counts and nothing a `using` says does: base types, interfaces, generic arguments and
/// constraints, attributes (and the types they name), fields, properties, events, method signatures, and in
/// method bodies the locals, the caught exceptions and every member and type an instruction names (with that
/// member's own signature: a call that returns a type uses it). Code the compiler generates (closures, lambdas,
/// iterators, async state machines) counts for the top-level type it is written in.
/// Not seen: a constant (const field, enum value) is copied into the IL as a number or a string, so using another
/// namespace's constant and nothing else of it leaves no trace.
/// </summary>
internal static class DependencyReader
{
    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>
    /// Every type of <paramref name="assembly"/> (of <paramref name="namespaceRoot"/> and its sub-namespaces only,
    /// when given) and what it uses.
    /// </summary>
    public static AssemblyGraph Read(Assembly assembly, string? namespaceRoot = null)
    {
        var types = assembly.GetTypes()
            .Where(t => !IsCompilerInfrastructure(TopLevel(t)))
            .Where(t => namespaceRoot is null || Within(t.Namespace ?? "", namespaceRoot))
            .ToList();
        var dependencies = new HashSet<Dependency>();
        foreach (var type in types)
        {
            new TypeVisitor(type, dependencies).Visit();
        }
        return new AssemblyGraph(
            types.Select(t => Name(TopLevel(t))).Distinct().OrderBy(t => t.FullName, StringComparer.Ordinal).ToList(),
            dependencies.OrderBy(d => d.Source.FullName, StringComparer.Ordinal)
                .ThenBy(d => d.Target.FullName, StringComparer.Ordinal)
                .ThenBy(d => Rank(d.Where))
                .ThenBy(d => d.Where, StringComparer.Ordinal)
                .ToList());
    }

    // The order a report shows the places of one use in: a declaration says most, a signature next, an instruction last.
    private static int Rank(string where) =>
        Declarations.Any(d => where.StartsWith(d, StringComparison.Ordinal)) ? 0 : where.Contains(": IL ", StringComparison.Ordinal) ? 2 : 1;

    private static readonly string[] Declarations = ["declaration", "field ", "property ", "event "];

    private static bool Within(string ns, string root) => ns == root || ns.StartsWith(root + ".", StringComparison.Ordinal);

    // What the compiler adds to an assembly for itself (<PrivateImplementationDetails>, the embedded
    // NullableAttribute and its kin): no one wrote it, so it belongs to no layer.
    private static bool IsCompilerInfrastructure(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), false)
        || type.GetCustomAttributesData().Any(a => a.AttributeType.FullName == "Microsoft.CodeAnalysis.EmbeddedAttribute");

    private static Type TopLevel(Type type)
    {
        while (type.DeclaringType is { } outer)
        {
            type = outer;
        }
        return type;
    }

    private static TypeName Name(Type topLevel) => new(topLevel.Namespace ?? "", topLevel.Name);

    private static string Short(Type type) => type.IsGenericParameter ? type.Name : type.DeclaringType is { } outer ? $"{Short(outer)}.{type.Name}" : type.Name;

    /// <summary>The dependencies of one type's own declarations and method bodies, recorded for its top-level type.</summary>
    private sealed class TypeVisitor
    {
        private static readonly IReadOnlyDictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
            .GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value);

        // A compiler-generated member or nested type: <Judge>b__3_0 (a lambda), <Judge>d__5 (an iterator or async
        // method's state machine), <Judge>g__Local|3_0 (a local function), <>c__DisplayClass3_0 (a closure).
        private static readonly Regex Generated = new(@"^<(?<in>[^>]*)>(?<kind>[a-z]?)(__|$)", RegexOptions.CultureInvariant);

        // The field the compiler writes for an auto-property.
        private static readonly Regex BackingField = new(@"^<(?<property>[^>]+)>k__BackingField$", RegexOptions.CultureInvariant);

        private readonly Type _type;
        private readonly TypeName _source;
        private readonly HashSet<Dependency> _found;

        public TypeVisitor(Type type, HashSet<Dependency> found)
        {
            _type = type;
            _source = Name(TopLevel(type));
            _found = found;
        }

        public void Visit()
        {
            var here = Place("declaration", "");
            if (_type.BaseType is { } baseType)
            {
                Use(baseType, $"{here}: base type");
            }
            foreach (var contract in _type.GetInterfaces())
            {
                Use(contract, $"{here}: implements {Short(contract)}");
            }
            Constraints(_type.GetGenericArguments(), here);
            Attributes(_type.GetCustomAttributesData(), here);
            foreach (var field in _type.GetFields(Declared))
            {
                var place = BackingField.Match(field.Name) is { Success: true } backing
                    ? Place("property", $"{backing.Groups["property"].Value} (its backing field)")
                    : Place("field", field.Name);
                Use(field.FieldType, place);
                Attributes(field.GetCustomAttributesData(), place);
            }
            foreach (var property in _type.GetProperties(Declared))
            {
                var place = Place("property", property.Name);
                Use(property.PropertyType, place);
                foreach (var index in property.GetIndexParameters())
                {
                    Use(index.ParameterType, $"{place}: index {index.Name}");
                }
                Attributes(property.GetCustomAttributesData(), place);
            }
            foreach (var handler in _type.GetEvents(Declared))
            {
                var place = Place("event", handler.Name);
                Use(handler.EventHandlerType!, place);
                Attributes(handler.GetCustomAttributesData(), place);
            }
            foreach (var method in _type.GetMethods(Declared).Cast<MethodBase>().Concat(_type.GetConstructors(Declared)))
            {
                Method(method);
            }
        }

        private void Method(MethodBase method)
        {
            var here = GeneratedIn(method.Name) ?? Place("", Signature(method));
            Attributes(method.GetCustomAttributesData(), here);
            if (method is MethodInfo info)
            {
                Use(info.ReturnType, $"{here}: returns");
                Attributes(info.ReturnParameter.GetCustomAttributesData(), $"{here}: return");
                if (info.IsGenericMethodDefinition)
                {
                    Constraints(info.GetGenericArguments(), here);
                }
            }
            foreach (var parameter in method.GetParameters())
            {
                Use(parameter.ParameterType, $"{here}: parameter {parameter.Name}");
                Attributes(parameter.GetCustomAttributesData(), $"{here}: parameter {parameter.Name}");
            }
            if (method.GetMethodBody() is not { } body)
            {
                return;
            }
            foreach (var local in body.LocalVariables)
            {
                Use(local.LocalType, $"{here}: local variable");
            }
            foreach (var clause in body.ExceptionHandlingClauses.Where(c => c.Flags == ExceptionHandlingClauseOptions.Clause))
            {
                Use(clause.CatchType!, $"{here}: catch");
            }
            Instructions(method, body.GetILAsByteArray() ?? Array.Empty<byte>(), here);
        }

        // Walks the IL one instruction at a time (an opcode of one byte, or two after the 0xFE prefix, then an
        // operand whose size its OperandType fixes) and resolves every metadata token an operand holds.
        private void Instructions(MethodBase method, byte[] il, string here)
        {
            var typeArguments = method.DeclaringType is { IsGenericType: true } generic ? generic.GetGenericArguments() : null;
            var methodArguments = method is MethodInfo { IsGenericMethod: true } ? method.GetGenericArguments() : null;
            var at = 0;
            while (at < il.Length)
            {
                var value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
                var opcode = OpCodesByValue[value];
                at += opcode.Size;
                switch (opcode.OperandType)
                {
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType:
                        var token = BitConverter.ToInt32(il, at);
                        Member(method.Module.ResolveMember(token, typeArguments, methodArguments)!, $"{here}: IL {opcode.Name}");
                        break;
                    case OperandType.InlineSwitch:
                        at += 4 * BitConverter.ToInt32(il, at);
                        break;
                }
                at += OperandSize(opcode.OperandType);
            }
        }

        private static int OperandSize(OperandType operand) => operand switch
        {
            OperandType.InlineNone => 0,
            OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
            OperandType.InlineVar => 2,
            OperandType.InlineI8 or OperandType.InlineR => 8,
            // InlineBrTarget, InlineField, InlineI, InlineMethod, InlineSig, InlineString, InlineSwitch (its count),
            // InlineTok, InlineType, ShortInlineR.
            _ => 4,
        };

        // A member an instruction names: its type, and what its signature says (a call that returns a type uses it).
        private void Member(MemberInfo member, string how)
        {
            switch (member)
            {
                case Type type:
                    Use(type, $"{how} {Short(type)}");
                    break;
                case FieldInfo field:
                    var fieldText = $"{how} {Short(field.DeclaringType!)}.{field.Name}";
                    Use(field.DeclaringType!, fieldText);
                    Use(field.FieldType, fieldText);
                    break;
                case MethodBase called:
                    var callText = $"{how} {Short(called.DeclaringType!)}.{called.Name}";
                    Use(called.DeclaringType!, callText);
                    if (called is MethodInfo info)
                    {
                        Use(info.ReturnType, callText);
                        if (info.IsGenericMethod)
                        {
                            foreach (var argument in info.GetGenericArguments())
                            {
                                Use(argument, callText);
                            }
                        }
                    }
                    foreach (var parameter in called.GetParameters())
                    {
                        Use(parameter.ParameterType, callText);
                    }
                    break;
            }
        }

        private void Constraints(Type[] arguments, string here)
        {
            foreach (var parameter in arguments.Where(a => a.IsGenericParameter))
            {
                foreach (var constraint in parameter.GetGenericParameterConstraints())
                {
                    Use(constraint, $"{here}: constraint on {parameter.Name}");
                }
            }
        }

        private void Attributes(IEnumerable<CustomAttributeData> attributes, string here)
        {
            foreach (var attribute in attributes)
            {
                var text = $"{here}: attribute [{attribute.AttributeType.Name}]";
                Use(attribute.AttributeType, text);
                foreach (var argument in attribute.ConstructorArguments.Concat(attribute.NamedArguments.Select(n => n.TypedValue)))
                {
                    Argument(argument, text);
                }
            }
        }

        // An attribute argument names a type by typeof(...), or by its own type (an enum), or in an array of either.
        private void Argument(CustomAttributeTypedArgument argument, string text)
        {
            Use(argument.ArgumentType, text);
            switch (argument.Value)
            {
                case Type named:
                    Use(named, text);
                    break;
                case ReadOnlyCollection<CustomAttributeTypedArgument> elements:
                    foreach (var element in elements)
                    {
                        Argument(element, text);
                    }
                    break;
            }
        }

        // A type and every type it is made of: the element of an array, pointer or by-ref, the definition and the
        // arguments of a generic type. A generic parameter is no dependency (its constraints are, where declared).
        private void Use(Type type, string where)
        {
            if (type.HasElementType)
            {
                Use(type.GetElementType()!, where);
            }
            else if (type.IsGenericParameter)
            {
                return;
            }
            else if (type.IsGenericType && !type.IsGenericTypeDefinition)
            {
                Use(type.GetGenericTypeDefinition(), where);
                foreach (var argument in type.GetGenericArguments())
                {
                    Use(argument, where);
                }
            }
            else if (!type.IsFunctionPointer)
            {
                _found.Add(new Dependency(_source, Name(TopLevel(type)), where));
            }
        }

        // "field _catalog", "nested type Outer.Inner: field _x", "iterator or async body in Judge: field <>2__current".
        private string Place(string kind, string name)
        {
            var what = kind.Length == 0 ? name : name.Length == 0 ? kind : $"{kind} {name}";
            return GeneratedOwner(_type) is { } generated ? $"{generated}: {what}"
                : _type.DeclaringType is not null ? $"nested type {Short(_type)}: {what}"
                : what;
        }

        private static string Signature(MethodBase method)
        {
            var name = method is ConstructorInfo ? (method.IsStatic ? "static constructor" : "constructor") : method.Name;
            return $"{name}({string.Join(", ", method.GetParameters().Select(p => Short(p.ParameterType)))})";
        }

        // The compiler-generated type this type is or is nested in, said as what it stands for.
        private static string? GeneratedOwner(Type type)
        {
            for (var current = type; current.DeclaringType is not null; current = current.DeclaringType)
            {
                if (GeneratedIn(current.Name) is { } said)
                {
                    return said;
                }
            }
            return null;
        }

        private static string? GeneratedIn(string name)
        {
            var match = Generated.Match(name);
            if (!match.Success)
            {
                return null;
            }
            var owner = match.Groups["in"].Value;
            var kind = match.Groups["kind"].Value switch
            {
                "b" => "lambda",
                "d" => "iterator or async body",
                "g" => "local function",
                "c" => "closure",
                _ => "compiler-generated code",
            };
            return owner.Length == 0 ? kind : $"{kind} in {owner}";
        }
    }
}
