// Command gen renders every case of features.json with Go's own text/template and writes
// features.expected.json, the goldens Prow.GoTemplates is tested against. Run it again after adding a case:
//
//	go run gen.go
//
// JSON numbers written with a '.' or an exponent become float64, the others int, as a Go struct would hold them.
package main

import (
	"encoding/json"
	"os"
	"strings"
	"text/template"
)

type testCase struct {
	Name     string      `json:"name"`
	Template string      `json:"template"`
	Data     interface{} `json:"data"`
}

type result struct {
	Name   string `json:"name"`
	Output string `json:"output,omitempty"`
	Error  string `json:"error,omitempty"`
}

func convert(v interface{}) interface{} {
	switch x := v.(type) {
	case json.Number:
		if strings.ContainsAny(string(x), ".eE") {
			f, _ := x.Float64()
			return f
		}
		i, _ := x.Int64()
		return int(i)
	case map[string]interface{}:
		for k, e := range x {
			x[k] = convert(e)
		}
	case []interface{}:
		for i, e := range x {
			x[i] = convert(e)
		}
	}
	return v
}

func main() {
	in, err := os.Open("features.json")
	if err != nil {
		panic(err)
	}
	decoder := json.NewDecoder(in)
	decoder.UseNumber()
	var cases []testCase
	if err := decoder.Decode(&cases); err != nil {
		panic(err)
	}
	var results []result
	for _, c := range cases {
		r := result{Name: c.Name}
		t, err := template.New("test").Parse(c.Template)
		if err != nil {
			r.Error = err.Error()
		} else {
			var out strings.Builder
			if err := t.Execute(&out, convert(c.Data)); err != nil {
				r.Error = err.Error()
			} else {
				r.Output = out.String()
			}
		}
		results = append(results, r)
	}
	out, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile("features.expected.json", append(out, '\n'), 0o644); err != nil {
		panic(err)
	}
}
