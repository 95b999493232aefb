// Terrain quadtree tiles of the wall view, with the ground drape (polygons, heat grids) on top.
varying vec2 vUv;
varying vec3 vWorldPos;
varying vec3 vNormalW;
#include <logdepthbuf_pars_vertex>

void main() {
  vUv = uv;
  vec4 world = modelMatrix * vec4(position, 1.0);
  vWorldPos = world.xyz;
  vNormalW = normalize(mat3(modelMatrix) * normal);
  gl_Position = projectionMatrix * viewMatrix * world;
  #include <logdepthbuf_vertex>
}
