// Command gen renders every template of templates.json (each template found in testdata/conformance, collected
// by ReportTemplateGoldenTests) with Go's own text/template and writes expected.json. ProwJob templates are
// rendered for each job of prowjobs.json, decoded into the fields of Prow's prowjobs/v1 types below (only the
// fields a template can reach, with Prow's JSON names); welcome templates for welcome's PRInfo; pod link
// templates for a pod. Run it again after a template or job changes:
//
//	go run gen.go
package main

import (
	"encoding/json"
	"os"
	"strings"
	"text/template"
	"time"
)

type ObjectMeta struct {
	Name              string            `json:"name"`
	Namespace         string            `json:"namespace"`
	Labels            map[string]string `json:"labels"`
	Annotations       map[string]string `json:"annotations"`
	CreationTimestamp time.Time         `json:"creationTimestamp"`
}

type TypeMeta struct {
	Kind       string `json:"kind"`
	APIVersion string `json:"apiVersion"`
}

type Pull struct {
	Number     int    `json:"number"`
	Author     string `json:"author"`
	SHA        string `json:"sha"`
	Title      string `json:"title"`
	Ref        string `json:"ref"`
	Link       string `json:"link"`
	CommitLink string `json:"commit_link"`
	AuthorLink string `json:"author_link"`
}

type Refs struct {
	Org            string `json:"org"`
	Repo           string `json:"repo"`
	RepoLink       string `json:"repo_link"`
	BaseRef        string `json:"base_ref"`
	BaseSHA        string `json:"base_sha"`
	BaseLink       string `json:"base_link"`
	Pulls          []Pull `json:"pulls"`
	PathAlias      string `json:"path_alias"`
	WorkDir        bool   `json:"workdir"`
	CloneURI       string `json:"clone_uri"`
	SkipSubmodules bool   `json:"skip_submodules"`
	CloneDepth     int    `json:"clone_depth"`
}

type ProwJobSpec struct {
	Type           string `json:"type"`
	Agent          string `json:"agent"`
	Cluster        string `json:"cluster"`
	Namespace      string `json:"namespace"`
	Job            string `json:"job"`
	Refs           *Refs  `json:"refs"`
	ExtraRefs      []Refs `json:"extra_refs"`
	Report         bool   `json:"report"`
	Context        string `json:"context"`
	RerunCommand   string `json:"rerun_command"`
	MaxConcurrency int    `json:"max_concurrency"`
	JobQueueName   string `json:"job_queue_name"`
	Hidden         bool   `json:"hidden"`
}

type ProwJobStatus struct {
	StartTime        time.Time         `json:"startTime"`
	PendingTime      *time.Time        `json:"pendingTime"`
	CompletionTime   *time.Time        `json:"completionTime"`
	State            string            `json:"state"`
	Description      string            `json:"description"`
	URL              string            `json:"url"`
	PodName          string            `json:"pod_name"`
	BuildID          string            `json:"build_id"`
	PrevReportStates map[string]string `json:"prev_report_states"`
}

type ProwJob struct {
	TypeMeta   `json:",inline"`
	ObjectMeta `json:"metadata"`
	Spec       ProwJobSpec   `json:"spec"`
	Status     ProwJobStatus `json:"status"`
}

// PRInfo is what Prow's welcome plugin renders its message_template with.
type PRInfo struct {
	Org         string
	Repo        string
	AuthorLogin string
	AuthorName  string
}

// Pod is the part of a Kubernetes pod a pod_link_template reads.
type Pod struct {
	ObjectMeta
}

type templateCase struct {
	Name     string `json:"name"`
	Source   string `json:"source"`
	Data     string `json:"data"`
	Template string `json:"template"`
}

type result struct {
	Name    string            `json:"name"`
	Outputs map[string]string `json:"outputs,omitempty"`
	Errors  map[string]string `json:"errors,omitempty"`
}

func read(file string, into interface{}) {
	data, err := os.ReadFile(file)
	if err != nil {
		panic(err)
	}
	if err := json.Unmarshal(data, into); err != nil {
		panic(err)
	}
}

func main() {
	var cases []templateCase
	read("templates.json", &cases)
	var raw []json.RawMessage
	read("prowjobs.json", &raw)
	inputs := map[string]map[string]interface{}{
		"welcome": {"welcome": PRInfo{Org: "kubernetes-sigs", Repo: "cluster-api", AuthorLogin: "alice", AuthorName: "Alice"}},
		"pod":     {"pod": Pod{ObjectMeta{Name: "5f1c2e3a-presubmit", Namespace: "test-pods"}}},
		"prowjob": {},
	}
	for _, r := range raw {
		var job ProwJob
		if err := json.Unmarshal(r, &job); err != nil {
			panic(err)
		}
		job.Kind, job.APIVersion = "ProwJob", "prow.k8s.io/v1"
		inputs["prowjob"][job.Name] = &job
	}
	var results []result
	for _, c := range cases {
		r := result{Name: c.Name, Outputs: map[string]string{}, Errors: map[string]string{}}
		t, err := template.New("test").Parse(c.Template)
		for key, data := range inputs[c.Data] {
			if err != nil {
				r.Errors[key] = err.Error()
				continue
			}
			var out strings.Builder
			if execErr := t.Execute(&out, data); execErr != nil {
				r.Errors[key] = execErr.Error()
			} else {
				r.Outputs[key] = out.String()
			}
		}
		results = append(results, r)
	}
	out, err := json.MarshalIndent(results, "", " ")
	if err != nil {
		panic(err)
	}
	if err := os.WriteFile("expected.json", append(out, '\n'), 0o644); err != nil {
		panic(err)
	}
}
