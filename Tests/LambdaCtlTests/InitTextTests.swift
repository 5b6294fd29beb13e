import Testing
@testable import lambdactl

@Suite("init: what it prints")
struct InitTextTests {
    @Test("the text result names the file, the functions and layers, and how many notes need a hand")
    func text() {
        let notes = [InitReport.Note(kind: "note", line: 3, message: "a"), InitReport.Note(kind: "needsHand", line: 9, message: "b")]
        let written = InitReport(output: "lambdactl.yml", form: "app", functions: ["users", "orders"], layers: ["deps"], notes: notes)
        #expect(InitReport.text(written, template: "template.yaml") == """
            wrote lambdactl.yml: app with function(s) users, orders; layer(s) deps; 1 note(s), 1 thing(s) that need a hand
            lambdactl.yml: deploy it once the items marked "needs a hand" (at the top of the file) are done
            """)
        let clean = InitReport(output: "lambdactl.yml", form: "function", functions: ["hello"], layers: [], notes: [])
        #expect(InitReport.text(clean, template: "template.yaml") == "wrote lambdactl.yml: function hello; 0 note(s), 0 thing(s) that need a hand")
        let nothing = InitReport(output: nil, form: "function", functions: [], layers: [], notes: notes)
        #expect(InitReport.text(nothing, template: "t.yaml").hasPrefix("t.yaml: nothing written: no function could be converted"))
    }
}
