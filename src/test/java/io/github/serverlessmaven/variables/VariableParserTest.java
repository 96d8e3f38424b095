package io.github.serverlessmaven.variables;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.serverlessmaven.variables.VariableSyntax.Call;
import io.github.serverlessmaven.variables.VariableSyntax.Expr;
import io.github.serverlessmaven.variables.VariableSyntax.Literal;
import io.github.serverlessmaven.variables.VariableSyntax.Nested;
import io.github.serverlessmaven.variables.VariableSyntax.Text;
import io.github.serverlessmaven.variables.VariableSyntax.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

class VariableParserTest {

    @Test
    void wholeVariableWithParamsAddressAndFallbacks() throws Exception {
        Variable v = VariableParser.parse("${file(./a.yml, 'q', 3):b.c, env:X, ${opt:y}, 'z'}").wholeVariable();
        assertThat(v).isNotNull();
        assertThat(v.raw()).isEqualTo("${file(./a.yml, 'q', 3):b.c, env:X, ${opt:y}, 'z'}");
        Call file = (Call) v.sources().get(0);
        assertThat(file.type()).isEqualTo("file");
        assertThat(file.params()).hasSize(3);
        assertThat(file.params().get(0).text()).isEqualTo("./a.yml");
        assertThat(file.params().get(1).quoted()).isTrue();
        assertThat(file.address().text()).isEqualTo("b.c");
        assertThat(((Call) v.sources().get(1)).type()).isEqualTo("env");
        assertThat(v.sources().get(2)).isInstanceOf(Nested.class);
        assertThat(v.sources().get(3)).isEqualTo(new Literal("z"));
    }

    @Test
    void textAroundVariablesIsKept() throws Exception {
        Expr e = VariableParser.parse("a-${self:x}-b-${opt:y}");
        assertThat(e.wholeVariable()).isNull();
        assertThat(e.parts()).hasSize(4);
        assertThat(e.parts().get(0)).isEqualTo(new Text("a-"));
        assertThat(e.parts().get(2)).isEqualTo(new Text("-b-"));
    }

    @Test
    void variablesInsideAnAddress() throws Exception {
        Call env = (Call) VariableParser.parse("${env:${opt:stage}_URL}").wholeVariable().sources().get(0);
        assertThat(env.address().hasVariables()).isTrue();
        assertThat(env.address().parts().get(1)).isEqualTo(new Text("_URL"));
    }

    @Test
    void cloudFormationPlaceholdersAndPlainDollarsAreText() throws Exception {
        for (String text : List.of("${AWS::Region}", "${MyParam}", "${foo}", "cost: $5", "${self", "${Foo.Bar}")) {
            Expr e = VariableParser.parse(text);
            assertThat(e.hasVariables()).as(text).isFalse();
            assertThat(e.text()).as(text).isEqualTo(text);
        }
    }

    @Test
    void backslashesBeforeAVariableHalveAndAnOddOneEscapesIt() throws Exception {
        assertThat(VariableParser.parse("\\${self:x}").text()).isEqualTo("${self:x}");
        assertThat(VariableParser.parse("\\\\\\${self:x}").text()).isEqualTo("\\${self:x}");
        Expr even = VariableParser.parse("\\\\${self:x}");
        assertThat(even.parts().get(0)).isEqualTo(new Text("\\"));
        assertThat(even.parts().get(1)).isInstanceOf(Variable.class);
        assertThat(VariableParser.parse("C:\\dir").text()).isEqualTo("C:\\dir");
    }

    @Test
    void literalsAreTypedAsInV3() {
        assertThat(VariableParser.literal("12", false)).isEqualTo(12);
        assertThat(VariableParser.literal("-1.5", false)).isEqualTo(-1.5);
        assertThat(VariableParser.literal("1e3", false)).isEqualTo(1000.0);
        assertThat(VariableParser.literal("true", false)).isEqualTo(true);
        assertThat(VariableParser.literal("null", false)).isNull();
        assertThat(VariableParser.literal("./x.yml", true)).isEqualTo("./x.yml");
        assertThat(VariableParser.literal("word", false)).isSameAs(VariableParser.NOT_A_LITERAL);
    }

    @Test
    void malformedVariablesAreSyntaxErrors() {
        assertThatThrownBy(() -> VariableParser.parse("${file(./a.yml}"))
                .hasMessage("missing ')' before '}' in \"${file(./a.yml}\"");
        assertThatThrownBy(() -> VariableParser.parse("${env:X, 'a' , 'b'}"))
                .hasMessage("a literal fallback must come last, before '}' in \"${env:X, 'a' , 'b'}\"");
        assertThatThrownBy(() -> VariableParser.parse("${env:${AWS::Region}}"))
                .hasMessageStartingWith("invalid variable at index 6 in \"${env:${AWS::Region}}\"");
        assertThatThrownBy(() -> VariableParser.parse("${env:X, \"bad\\q\"}"))
                .hasMessageStartingWith("invalid escape '\\q' in string at index 9");
    }
}
