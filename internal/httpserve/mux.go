package httpserve

import (
	"strings"
)

// Mux routes a request by its method and path. A path is matched exactly,
// or, for a pattern ending in "/*", as one more segment under it (no further
// slash). HEAD is answered as GET, without the body; a path known for other
// methods gets 405 with Allow; any other path 404.
type Mux struct {
	routes map[string]Handler // "METHOD path" → handler
}

// Handle routes method and pattern to h.
func (m *Mux) Handle(method, pattern string, h Handler) {
	if m.routes == nil {
		m.routes = map[string]Handler{}
	}
	m.routes[method+" "+pattern] = h
}

// Serve answers r with the handler of its route.
func (m *Mux) Serve(w *Response, r *Request) {
	path := m.pattern(r.Path)
	method := r.Method
	if method == "HEAD" {
		method = "GET"
	}
	if h := m.routes[method+" "+path]; h != nil {
		h(w, r)
		return
	}
	var allow []string
	for _, meth := range []string{"GET", "POST", "PUT", "DELETE"} {
		if m.routes[meth+" "+path] != nil {
			allow = append(allow, meth)
		}
	}
	if allow != nil {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		Error(w, "method not allowed", 405)
		return
	}
	Error(w, "404 page not found", 404)
}

// pattern is the route a path falls under: itself, or "dir/*" for one
// segment under a "dir/*" pattern.
func (m *Mux) pattern(path string) string {
	i := strings.LastIndexByte(path, '/')
	if i < 0 || i == len(path)-1 {
		return path
	}
	wild := path[:i+1] + "*"
	for k := range m.routes {
		if strings.HasSuffix(k, " "+wild) {
			return wild
		}
	}
	return path
}
