// Flood water of the wall view: each vertex is a flood cell centre at its bed height (scene m);
// it rises along the local vertical by the cell's depth plus a small lift so shallow sheets clear
// the terrain mesh.
uniform vec3 uUp;
uniform float uLiftM;
attribute float aDepth;
varying vec3 vWorldPos;
varying float vDepth;
#include <logdepthbuf_pars_vertex>

void main() {
  vDepth = aDepth;
  vec4 world = modelMatrix * vec4(position + uUp * (aDepth + uLiftM), 1.0);
  vWorldPos = world.xyz;
  gl_Position = projectionMatrix * viewMatrix * world;
  #include <logdepthbuf_vertex>
}
